package org.salesbench.opportunities.ui.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.resource.ColorDescriptor;
import org.eclipse.jface.resource.FontDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DragSource;
import org.eclipse.swt.dnd.DragSourceAdapter;
import org.eclipse.swt.dnd.DragSourceEvent;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.salesbench.persistence.Picklists;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.events.EventTopics;
import org.salesbench.core.security.SecurityService;
import org.salesbench.opportunities.Board;
import org.salesbench.opportunities.BoardCard;
import org.salesbench.opportunities.BoardColumn;
import org.salesbench.opportunities.BoardFilter;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.opportunities.StageKind;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.ConflictDialog;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.FilterBars;
import org.salesbench.ui.forms.Jobs;

/**
 * The pipeline board: one column per stage with its count and summed amount, and the first cards
 * of each (more on request), read in one job through the opportunity service's SQL aggregates.
 * Dragging a card to another column asks the service to move the stage; the service's rules decide,
 * and a refused move is explained while the card stays where it was.
 */
public class BoardView extends ViewPart {

    public static final String ID = "org.salesbench.opportunities.ui.views.board";

    /** Cards drawn per column before "N more": the board stays quick whatever the pipeline holds. */
    static final int CARDS_PER_STAGE = 25;
    static final int CARD_WIDTH = 210;
    static final int CARD_HEIGHT = 78;
    private static final String DRAG_PREFIX = "salesbench-opportunity:";
    private static final int REFRESH_DELAY_MS = 300;

    private OpportunityService service;
    private PipelineService pipelineService;
    private Combo pipelineCombo;
    private Button mineCheck;
    private Button quarterCheck;
    private Button overdueCheck;
    private ScrolledComposite scroller;
    private Composite columnsHost;
    private LocalResourceManager resources;
    private Font bold;
    private List<Pipeline> pipelines = List.of();
    private Board board;
    private final Map<Long, List<BoardCard>> shownCards = new HashMap<>();
    private int generation;
    private ServiceRegistration<EventHandler> eventRegistration;
    private final Runnable refreshLater = this::refresh;
    /** A card is being dragged: redrawing now would dispose it and its drop targets under the pointer. */
    private boolean cardDragged;
    private boolean refreshAfterDrag;
    private Consumer<String> refusalReporter = this::showRefusal;
    private Function<String, String> lossReasonPrompt = this::askLossReason;

    @Override
    public void createPartControl(Composite parent) {
        service = Services.get(OpportunityService.class);
        pipelineService = Services.get(PipelineService.class);
        resources = new LocalResourceManager(JFaceResources.getResources(), parent);
        bold = resources.create(FontDescriptor.createFrom(parent.getFont()).setStyle(SWT.BOLD));
        parent.setLayout(new GridLayout(1, false));
        createBar(parent);
        scroller = new ScrolledComposite(parent, SWT.H_SCROLL | SWT.V_SCROLL);
        scroller.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        columnsHost = new Composite(scroller, SWT.NONE);
        scroller.setContent(columnsHost);
        scroller.getVerticalBar().setIncrement(CARD_HEIGHT / 2);
        scroller.getHorizontalBar().setIncrement(CARD_WIDTH / 4);
        Action refresh = new Action(Messages.Action_refresh) {
            @Override
            public void run() {
                refresh();
            }
        };
        getViewSite().getActionBars().getToolBarManager().add(refresh);
        listenForChanges();
        loadPipelines();
    }

    private void createBar(Composite parent) {
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        org.eclipse.swt.layout.RowLayout rows = new org.eclipse.swt.layout.RowLayout(SWT.HORIZONTAL);
        rows.wrap = true;
        rows.center = true;
        rows.marginLeft = 0;
        rows.spacing = 8;
        bar.setLayout(rows);
        pipelineCombo = new Combo(FilterBars.labelled(bar, Messages.Board_pipeline), SWT.READ_ONLY);
        pipelineCombo.addListener(SWT.Selection, e -> refresh());
        mineCheck = check(bar, Messages.Board_mine);
        quarterCheck = check(bar, Messages.Board_thisQuarter);
        overdueCheck = check(bar, Messages.Board_overdue);
    }

    private Button check(Composite bar, String text) {
        Button check = new Button(bar, SWT.CHECK);
        check.setText(text);
        check.addListener(SWT.Selection, e -> refresh());
        return check;
    }

    private void listenForChanges() {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, new String[] {EventTopics.allOf(Opportunity.ENTITY), EventTopics.allOf(Pipeline.ENTITY)});
        Display display = Display.getCurrent();
        eventRegistration = FrameworkUtil.getBundle(BoardView.class).getBundleContext().registerService(EventHandler.class,
                event -> display.asyncExec(() -> {
                    if (!columnsHost.isDisposed()) {
                        boolean pipelinesChanged = event.getTopic().startsWith(EventTopics.allOf(Pipeline.ENTITY).replace("*", ""));
                        if (pipelinesChanged) {
                            loadPipelines();
                        } else {
                            display.timerExec(-1, refreshLater);
                            display.timerExec(REFRESH_DELAY_MS, refreshLater);
                        }
                    }
                }), properties);
    }

    /** Reads the active pipelines (again: they may be edited while the board is open), then the board. */
    void loadPipelines() {
        Jobs.load(columnsHost, Messages.Job_loadBoard, () -> pipelineService.pipelines(true), loaded -> {
            Long chosen = pipeline().map(Pipeline::getId).orElse(null);
            pipelines = loaded;
            pipelineCombo.removeAll();
            loaded.forEach(p -> pipelineCombo.add(p.getLabel()));
            int index = 0;
            for (int i = 0; i < loaded.size(); i++) {
                if (loaded.get(i).getId().equals(chosen)) {
                    index = i;
                }
            }
            if (!loaded.isEmpty()) {
                pipelineCombo.select(index);
            }
            pipelineCombo.getParent().getParent().getParent().layout(true, true);
            refresh();
        }, this::failed);
    }

    private Optional<Pipeline> pipeline() {
        int index = pipelineCombo.getSelectionIndex();
        return index < 0 || index >= pipelines.size() ? Optional.empty() : Optional.of(pipelines.get(index));
    }

    BoardFilter filter() {
        return new BoardFilter(mineCheck.getSelection() ? java.util.Set.of(Services.get(SecurityService.class).currentUser().login()) : null,
                quarterCheck.getSelection(), overdueCheck.getSelection());
    }

    /** Reads the board of the chosen pipeline in a job and draws it. */
    public void refresh() {
        if (cardDragged) {
            refreshAfterDrag = true; // changes that arrive during a drag are drawn once the card is dropped
            return;
        }
        Optional<Pipeline> pipeline = pipeline();
        if (pipeline.isEmpty() || columnsHost.isDisposed()) {
            return;
        }
        int current = ++generation;
        long pipelineId = pipeline.get().getId();
        BoardFilter filter = filter();
        Jobs.load(columnsHost, Messages.Job_loadBoard, () -> service.board(pipelineId, filter, CARDS_PER_STAGE), loaded -> {
            if (current == generation && cardDragged) {
                refreshAfterDrag = true; // read before the drag began: drawn, read again, once the card is dropped
            } else if (current == generation) {
                render(loaded);
            }
        }, this::failed);
    }

    private void render(Board loaded) {
        board = loaded;
        shownCards.clear();
        columnsHost.setRedraw(false);
        try {
            for (Control child : columnsHost.getChildren()) {
                child.dispose();
            }
            GridLayout layout = new GridLayout(Math.max(1, loaded.columns().size()), true);
            layout.horizontalSpacing = 8;
            columnsHost.setLayout(layout);
            for (BoardColumn column : loaded.columns()) {
                createColumn(column);
            }
            relayout();
        } finally {
            columnsHost.setRedraw(true);
        }
        setContentDescription(NLS.bind(Messages.Board_summary, loaded.pipelineLabel(),
                loaded.columns().stream().filter(c -> c.kind() == StageKind.OPEN).mapToLong(BoardColumn::count).sum()));
    }

    private void relayout() {
        columnsHost.layout(true, true);
        Point size = columnsHost.computeSize(SWT.DEFAULT, SWT.DEFAULT);
        scroller.setMinSize(size);
    }

    private void createColumn(BoardColumn column) {
        Composite box = new Composite(columnsHost, SWT.BORDER);
        box.setData(column);
        box.setLayoutData(new GridData(SWT.FILL, SWT.FILL, false, true));
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 4;
        layout.verticalSpacing = 4;
        box.setLayout(layout);
        box.setBackground(columnBackground(column.kind(), columnsHost.getBackground()));
        Label title = new Label(box, SWT.NONE);
        title.setFont(bold);
        title.setText(column.kind() == StageKind.OPEN ? NLS.bind(Messages.Board_columnTitle, column.label(), column.probability()) : column.label());
        title.setBackground(box.getBackground());
        Label totals = new Label(box, SWT.NONE);
        totals.setText(NLS.bind(column.kind() == StageKind.OPEN ? Messages.Board_columnTotals : Messages.Board_closedTotals, column.count(),
                column.totals().isEmpty() ? Labels.money(org.salesbench.core.model.Money.zero(org.salesbench.core.model.Money.DEFAULT_CURRENCY))
                        : Labels.money(column.totals())));
        totals.setBackground(box.getBackground());
        Label rule = new Label(box, SWT.SEPARATOR | SWT.HORIZONTAL);
        GridData ruleData = new GridData(SWT.FILL, SWT.TOP, true, false);
        ruleData.widthHint = CARD_WIDTH;
        rule.setLayoutData(ruleData);
        for (Control c : new Control[] {box, title, totals, rule}) {
            dropInto(c, column.stageId());
        }
        List<BoardCard> cards = new ArrayList<>(column.cards());
        shownCards.put(column.stageId(), cards);
        for (BoardCard card : cards) {
            createCard(box, card, column);
        }
        addMoreLink(box, column);
    }

    private void addMoreLink(Composite box, BoardColumn column) {
        long remaining = column.count() - shownCards.get(column.stageId()).size();
        if (remaining <= 0 || column.kind() != StageKind.OPEN) {
            return;
        }
        Link more = new Link(box, SWT.NONE);
        more.setText("<a>" + NLS.bind(Messages.Board_more, String.format("%,d", remaining)) + "</a>");
        more.setBackground(box.getBackground());
        dropInto(more, column.stageId());
        more.addListener(SWT.Selection, e -> {
            int offset = shownCards.get(column.stageId()).size();
            BoardFilter filter = filter();
            Jobs.load(box, Messages.Job_loadBoard, () -> service.cards(column.stageId(), filter, offset, CARDS_PER_STAGE), next -> {
                more.dispose();
                shownCards.get(column.stageId()).addAll(next);
                next.forEach(card -> createCard(box, card, column));
                addMoreLink(box, column);
                relayout();
            }, this::failed);
        });
    }

    private void createCard(Composite box, BoardCard card, BoardColumn column) {
        Canvas canvas = new Canvas(box, SWT.DOUBLE_BUFFERED);
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
        data.widthHint = CARD_WIDTH;
        data.heightHint = CARD_HEIGHT;
        canvas.setLayoutData(data);
        canvas.setData(card);
        canvas.setToolTipText(NLS.bind(Messages.Board_cardTip, card.name(), card.customerName()));
        canvas.addListener(SWT.Paint, e -> paintCard(e.gc, canvas, card, column));
        canvas.addListener(SWT.MouseDoubleClick, e -> open(card));
        dragFrom(canvas, card);
        dropInto(canvas, column.stageId());
    }

    private void paintCard(GC gc, Canvas canvas, BoardCard card, BoardColumn column) {
        Display display = canvas.getDisplay();
        var area = canvas.getClientArea();
        // white with dark text on a light board; in a dark theme a card a shade lighter than its column, with light text
        Color column0 = canvas.getParent().getBackground();
        boolean dark = org.salesbench.ui.forms.Colours.isDark(column0.getRGB());
        Color background = dark ? org.salesbench.ui.forms.Colours.mix(resources, column0, new org.eclipse.swt.graphics.RGB(255, 255, 255), 0.08)
                : display.getSystemColor(SWT.COLOR_LIST_BACKGROUND);
        Color foreground = dark ? color(224, 224, 224) : display.getSystemColor(SWT.COLOR_LIST_FOREGROUND);
        Color secondary = org.salesbench.ui.forms.Colours.mix(resources, foreground, background.getRGB(), 0.35);
        gc.setBackground(background);
        gc.fillRoundRectangle(0, 0, area.width - 1, area.height - 1, 8, 8);
        gc.setForeground(display.getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
        gc.drawRoundRectangle(0, 0, area.width - 1, area.height - 1, 8, 8);
        gc.setBackground(stripe(column.kind()));
        gc.fillRectangle(1, 4, 4, area.height - 8);
        int x = 10;
        int line = gc.getFontMetrics().getHeight() + 1;
        int width = area.width - x - 6;
        gc.setForeground(foreground);
        gc.setFont(bold);
        gc.drawText(fit(gc, card.name(), width), x, 4, true);
        gc.setFont(canvas.getFont());
        gc.drawText(fit(gc, card.customerName(), width), x, 4 + line, true);
        String amount = Labels.money(card.amount());
        gc.setFont(bold);
        gc.drawText(amount, x, 4 + 2 * line, true);
        int amountWidth = gc.textExtent(amount).x;
        gc.setFont(canvas.getFont());
        boolean overdue = column.kind() == StageKind.OPEN && card.expectedCloseDate() != null && card.expectedCloseDate().isBefore(LocalDate.now(Clocks.system()));
        String close = card.expectedCloseDate() == null ? Messages.Board_noCloseDate : Formats.date(card.expectedCloseDate());
        gc.setForeground(overdue ? display.getSystemColor(SWT.COLOR_RED) : secondary);
        int closeWidth = gc.textExtent(close).x;
        gc.drawText(close, Math.max(x + amountWidth + 8, area.width - closeWidth - 6), 4 + 2 * line, true);
        gc.setForeground(secondary);
        String owner = Formats.text(card.owner()) + "  ·  " + Labels.percent(card.probability());
        gc.drawText(fit(gc, owner, width), x, 4 + 3 * line, true);
    }

    /** The text cut to the width with an ellipsis. */
    private static String fit(GC gc, String text, int width) {
        if (text == null) {
            return "";
        }
        if (gc.textExtent(text).x <= width) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && gc.textExtent(cut + "…").x > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    private Color color(int red, int green, int blue) {
        return resources.create(ColorDescriptor.createFrom(new RGB(red, green, blue)));
    }

    private Color stripe(StageKind kind) {
        return switch (kind) {
            case OPEN -> color(21, 101, 192);
            case WON -> color(46, 125, 50);
            case LOST -> color(158, 158, 158);
        };
    }

    /** A light tint of the column's stripe over the theme's background: pale in the light theme, dark in a dark one. */
    private Color columnBackground(StageKind kind, Color background) {
        return org.salesbench.ui.forms.Colours.mix(resources, background, stripe(kind).getRGB(), 0.07);
    }

    private void dragFrom(Control control, BoardCard card) {
        DragSource source = new DragSource(control, DND.DROP_MOVE);
        // a card that goes mid-drag (its view closed) sends no dragFinished: the board must not wait for it
        control.addListener(SWT.Dispose, e -> cardDragged = false);
        source.setTransfer(TextTransfer.getInstance());
        source.addDragListener(new DragSourceAdapter() {
            @Override
            public void dragStart(DragSourceEvent event) {
                cardDragged = true;
            }

            @Override
            public void dragSetData(DragSourceEvent event) {
                event.data = DRAG_PREFIX + card.id();
            }

            @Override
            public void dragFinished(DragSourceEvent event) {
                cardDragged = false;
                if (refreshAfterDrag) {
                    refreshAfterDrag = false;
                    refresh();
                }
            }
        });
    }

    private void dropInto(Control control, long stageId) {
        DropTarget target = new DropTarget(control, DND.DROP_MOVE | DND.DROP_DEFAULT);
        target.setTransfer(new Transfer[] {TextTransfer.getInstance()});
        target.addDropListener(new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent event) {
                event.detail = DND.DROP_MOVE;
            }

            @Override
            public void drop(DropTargetEvent event) {
                dropped(event.data, stageId);
            }
        });
    }

    /** What the drop target does with the dragged text: a card's move, anything else is ignored. */
    private void dropped(Object data, long stageId) {
        if (data instanceof String text && text.startsWith(DRAG_PREFIX)) {
            try {
                moveCard(Long.parseLong(text.substring(DRAG_PREFIX.length())), stageId);
            } catch (NumberFormatException e) {
                // not one of our cards' texts: nothing to move
            }
        }
    }

    /**
     * Moves a card to the column of {@code stageId}: the service says first whether the stage's rules
     * allow it; a refused move is explained and the board redrawn as stored, so the card is back
     * where it was. A lost stage asks for the loss reason.
     */
    public Job moveCard(long opportunityId, long stageId) {
        BoardColumn target = column(stageId).orElse(null);
        BoardCard card = shownCards.values().stream().flatMap(List::stream).filter(c -> c.id() == opportunityId).findFirst().orElse(null);
        if (target == null || card == null || shownCards.getOrDefault(stageId, List.of()).contains(card)) {
            return null;
        }
        String lossReason = null;
        if (target.kind() == StageKind.LOST) {
            lossReason = lossReasonPrompt.apply(target.label());
            if (lossReason == null) {
                return null;
            }
        }
        // a reason typed as a listed reason's label (either language) or code is stored as its code; other text as typed
        String reason = lossReason == null ? null
                : Services.get(Picklists.class).resolve(Picklists.LOSS_REASON, lossReason).orElse(lossReason);
        return Jobs.load(columnsHost, Messages.Job_move, () -> {
            List<String> refusals = service.refusals(opportunityId, stageId);
            if (!refusals.isEmpty()) {
                return refusals;
            }
            // the card's version: a deal someone changed since the board was drawn is not moved over their change
            switch (target.kind()) {
                case LOST -> service.markLost(opportunityId, reason, null, card.version());
                default -> service.moveToStage(opportunityId, stageId, card.version());
            }
            return List.<String>of();
        }, refusals -> {
            if (!refusals.isEmpty()) {
                refusalReporter.accept(NLS.bind(Messages.Board_refused, target.label(), String.join("\n", refusals)));
            }
            refresh();
        }, e -> {
            if (e instanceof ConcurrentChangeException conflict) {
                if (ConflictDialog.askReload(getSite().getShell(), card.name(), conflict)) {
                    refresh();
                }
                return;
            }
            refusalReporter.accept(NLS.bind(Messages.Board_refused, target.label(), e.getMessage()));
            refresh();
        });
    }

    private Optional<BoardColumn> column(long stageId) {
        return board == null ? Optional.empty() : board.columns().stream().filter(c -> c.stageId() == stageId).findFirst();
    }

    private void open(BoardCard card) {
        try {
            OpportunityEditor.open(getSite().getPage(), card.id(), card.name());
        } catch (PartInitException e) {
            MessageDialog.openError(getSite().getShell(), Messages.Action_open, e.getMessage());
        }
    }

    private void showRefusal(String message) {
        MessageDialog.openWarning(getSite().getShell(), Messages.Board_refusedTitle, message);
    }

    private String askLossReason(String stage) {
        InputDialog dialog = new InputDialog(getSite().getShell(), stage, Messages.Board_lossReason, "",
                v -> v.isBlank() ? NLS.bind(Messages.Field_required, Messages.Board_lossReasonField) : null);
        return dialog.open() == Window.OK ? dialog.getValue().strip() : null;
    }

    private void failed(RuntimeException e) {
        setContentDescription(e.getMessage());
    }

    // --- for tests

    public void setRefusalReporter(Consumer<String> reporter) {
        this.refusalReporter = reporter;
    }

    public void setLossReasonPrompt(Function<String, String> prompt) {
        this.lossReasonPrompt = prompt;
    }

    public Board board() {
        return board;
    }

    /** The cards drawn in a column now. */
    public List<BoardCard> shownCards(long stageId) {
        return shownCards.getOrDefault(stageId, List.of());
    }

    /** The card controls drawn now, all columns. */
    List<Canvas> cardControls() {
        List<Canvas> cards = new ArrayList<>();
        for (Control box : columnsHost.getChildren()) {
            if (box instanceof Composite c) {
                for (Control child : c.getChildren()) {
                    if (child instanceof Canvas canvas) {
                        cards.add(canvas);
                    }
                }
            }
        }
        return cards;
    }

    void selectPipeline(long pipelineId) {
        for (int i = 0; i < pipelines.size(); i++) {
            if (pipelines.get(i).getId() == pipelineId) {
                pipelineCombo.select(i);
                refresh();
            }
        }
    }

    Button mineCheck() {
        return mineCheck;
    }

    @Override
    public void setFocus() {
        pipelineCombo.setFocus();
    }

    @Override
    public void dispose() {
        if (eventRegistration != null) {
            eventRegistration.unregister();
        }
        super.dispose();
    }
}
