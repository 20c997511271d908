package org.salesbench.ui.forms;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.columnChooser.command.DisplayColumnChooserCommandHandler;
import org.eclipse.nebula.widgets.nattable.config.AbstractRegistryConfiguration;
import org.eclipse.nebula.widgets.nattable.config.AbstractUiBindingConfiguration;
import org.eclipse.nebula.widgets.nattable.config.CellConfigAttributes;
import org.eclipse.nebula.widgets.nattable.config.DefaultNatTableStyleConfiguration;
import org.eclipse.nebula.widgets.nattable.config.IConfigRegistry;
import org.eclipse.nebula.widgets.nattable.coordinate.Range;
import org.eclipse.nebula.widgets.nattable.config.IEditableRule;
import org.eclipse.nebula.widgets.nattable.data.IDataProvider;
import org.eclipse.nebula.widgets.nattable.edit.EditConfigAttributes;
import org.eclipse.nebula.widgets.nattable.edit.command.EditCellCommand;
import org.eclipse.nebula.widgets.nattable.edit.editor.ComboBoxCellEditor;
import org.eclipse.nebula.widgets.nattable.edit.editor.ICellEditor;
import org.eclipse.nebula.widgets.nattable.edit.editor.TextCellEditor;
import org.eclipse.nebula.widgets.nattable.layer.cell.ILayerCell;
import org.eclipse.nebula.widgets.nattable.selection.SelectionLayer.MoveDirectionEnum;
import org.eclipse.nebula.widgets.nattable.grid.GridRegion;
import org.eclipse.nebula.widgets.nattable.grid.data.DefaultColumnHeaderDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.data.DefaultCornerDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.data.DefaultRowHeaderDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.layer.ColumnHeaderLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.CornerLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.DefaultColumnHeaderDataLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.DefaultRowHeaderDataLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.GridLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.RowHeaderLayer;
import org.eclipse.nebula.widgets.nattable.hideshow.ColumnHideShowLayer;
import org.eclipse.nebula.widgets.nattable.hideshow.command.MultiColumnHideCommand;
import org.eclipse.nebula.widgets.nattable.hideshow.command.ShowAllColumnsCommand;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.nebula.widgets.nattable.layer.DataLayer;
import org.eclipse.nebula.widgets.nattable.layer.LabelStack;
import org.eclipse.nebula.widgets.nattable.selection.action.SelectCellAction;
import org.eclipse.nebula.widgets.nattable.layer.event.RowStructuralRefreshEvent;
import org.eclipse.nebula.widgets.nattable.reorder.ColumnReorderLayer;
import org.eclipse.nebula.widgets.nattable.reorder.command.ColumnReorderCommand;
import org.eclipse.nebula.widgets.nattable.resize.command.ColumnResizeCommand;
import org.eclipse.nebula.widgets.nattable.selection.SelectionLayer;
import org.eclipse.nebula.widgets.nattable.selection.command.SelectAllCommand;
import org.eclipse.nebula.widgets.nattable.selection.command.SelectCellCommand;
import org.eclipse.nebula.widgets.nattable.selection.command.SelectRowsCommand;
import org.eclipse.nebula.widgets.nattable.sort.ISortModel;
import org.eclipse.nebula.widgets.nattable.sort.SortDirectionEnum;
import org.eclipse.nebula.widgets.nattable.sort.SortHeaderLayer;
import org.eclipse.nebula.widgets.nattable.sort.command.SortColumnCommand;
import org.eclipse.nebula.widgets.nattable.sort.config.SingleClickSortConfiguration;
import org.eclipse.nebula.widgets.nattable.style.CellStyleAttributes;
import org.eclipse.nebula.widgets.nattable.style.DisplayMode;
import org.eclipse.nebula.widgets.nattable.style.HorizontalAlignmentEnum;
import org.eclipse.nebula.widgets.nattable.style.SelectionStyleLabels;
import org.eclipse.nebula.widgets.nattable.style.Style;
import org.eclipse.nebula.widgets.nattable.ui.binding.UiBindingRegistry;
import org.eclipse.nebula.widgets.nattable.ui.matcher.MouseEventMatcher;
import org.eclipse.nebula.widgets.nattable.ui.menu.PopupMenuAction;
import org.eclipse.nebula.widgets.nattable.ui.menu.PopupMenuBuilder;
import org.eclipse.nebula.widgets.nattable.viewport.ViewportLayer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.osgi.service.prefs.BackingStoreException;
import org.osgi.service.prefs.Preferences;
import org.salesbench.core.io.SpreadsheetText;
import org.salesbench.core.security.SecurityService;
import org.salesbench.ui.Services;

/**
 * A list view's grid on Nebula NatTable over rows read a block at a time ({@link VirtualRows}): the grid asks only for
 * the cells it paints, so a list of a million rows reads the blocks on screen. Clicking a column header sorts by it
 * (ascending, descending, then the list's own order) through {@link #onSort}, where the view asks the model for the
 * order, so every page follows it; dragging a header reorders the columns and its right-click menu hides a column,
 * shows them all or opens NatTable's column chooser. The layout (order, widths, hidden columns, sort) is kept per user
 * in the instance preferences and restored when the list opens again. Copy puts the selected cells on the clipboard as
 * tab-separated text (with the column titles when whole rows are selected), neutralised for spreadsheets.
 *
 * @param <R> the row type
 */
public final class VirtualGrid<R> {

    /** One column of a grid: what it is called, how wide it starts, what it shows of a row. */
    public static final class Column<R> {
        final String id;
        final String title;
        final int width;
        final Function<R, String> text;
        boolean right;
        Predicate<R> warning;
        Object sortKey;
        Predicate<R> editableWhen;
        List<String> choices;
        java.util.function.BiConsumer<R, String> edit;

        private Column(String id, String title, int width, Function<R, String> text) {
            this.id = id;
            this.title = title;
            this.width = width;
            this.text = text;
        }

        /** A column named {@code id} in the saved layout, titled {@code title}, showing {@code text} of a row. */
        public static <R> Column<R> of(String id, String title, int width, Function<R, String> text) {
            return new Column<>(id, title, width, text);
        }

        /** Numbers: aligned right. */
        public Column<R> right() {
            right = true;
            return this;
        }

        /** Rows for which {@code when} holds show this cell in the warning colour (red). */
        public Column<R> warnWhen(Predicate<R> when) {
            warning = when;
            return this;
        }

        /** Sortable: {@code key} is what {@link VirtualGrid#sortKey()} returns when the list is sorted by this column. */
        public Column<R> sortBy(Object key) {
            sortKey = key;
            return this;
        }

        /**
         * Edited in place (F2 or typing on the selected cell) in rows where {@code when} holds: {@code save} gets the row
         * and the text the user typed, and saves it through the module's service (validation, rights, version); the grid
         * shows the saved value when the list is read again.
         */
        public Column<R> editable(Predicate<R> when, java.util.function.BiConsumer<R, String> save) {
            editableWhen = when;
            edit = save;
            return this;
        }

        /** Edited in place by choosing one of {@code values} (as the cell shows them). */
        public Column<R> editable(Predicate<R> when, List<String> values, java.util.function.BiConsumer<R, String> save) {
            choices = List.copyOf(values);
            return editable(when, save);
        }

        public String id() {
            return id;
        }
    }

    /**
     * How a whole row is painted, whatever its columns say ({@link #rowStyle}): the grid colours cells by column
     * ({@link Column#warnWhen}), and a row style by row, for any grid.
     */
    public enum RowStyle {
        /** Greyed: a row that is finished or no longer in play (a done task), still listed. */
        MUTED;

        /** The config label of every body cell of a row in this style (its cell style hangs on it). */
        public String label() {
            return "SALESBENCH_ROW_" + name();
        }
    }

    private static final String RIGHT = "SALESBENCH_RIGHT";
    private static final String WARN = "SALESBENCH_WARN";
    private static final String EDIT = "SALESBENCH_EDIT_";
    /** Every body cell's label while the theme is dark: the dark styles hang on it. */
    private static final String THEME = "SALESBENCH_DARK";
    private static final String STATE_PREFIX = "grid";
    private static final String COLUMNS_KEY = "salesbench.columns";
    private static final String SORT_KEY = "salesbench.sort";
    private static final String ORDER_KEY = "salesbench.order";
    /** The instance preferences node the layouts are kept in, one key a grid and user. */
    static final String PREFERENCES_NODE = "grids";

    private final List<Column<R>> columns;
    private final String gridId;
    private final String loadingText;
    private VirtualRows<R> rows; // made after the grid it tells of arrivals
    private final DataLayer bodyDataLayer;
    private final DataLayer headerDataLayer;
    private final SelectionLayer selectionLayer;
    private final ColumnReorderLayer reorderLayer;
    private final ViewportLayer viewport;
    private final SortHeaderLayer<R> sortHeader;
    private final NatTable natTable;
    private int count;
    private int sortedIndex = -1;
    private boolean ascending = true;
    private boolean restoring;
    private Runnable onSort = () -> { };
    private Function<R, RowStyle> rowStyle = row -> null;

    /**
     * @param gridId      names the layout kept for each user ({@code view id} is a good name)
     * @param loadingText shown in the first column of a row whose block is being read
     */
    public VirtualGrid(Composite parent, String gridId, List<Column<R>> columns, int blockSize, int cachedBlocks, String jobName,
            Object jobFamily, String loadingText) {
        primeCollections();
        this.columns = List.copyOf(columns);
        this.gridId = gridId;
        this.loadingText = loadingText;
        IDataProvider body = new IDataProvider() {
            @Override
            public Object getDataValue(int columnIndex, int rowIndex) {
                R row = rows.row(rowIndex);
                if (row == null) {
                    return columnIndex == 0 && !rows.isLoaded(rowIndex) ? VirtualGrid.this.loadingText : "";
                }
                String text = VirtualGrid.this.columns.get(columnIndex).text.apply(row);
                return text == null ? "" : text;
            }

            @Override
            public void setDataValue(int columnIndex, int rowIndex, Object newValue) {
                // an edit in place: the column's save writes it through the service (the row shows it once read again)
                Column<R> column = VirtualGrid.this.columns.get(columnIndex);
                R row = rows.peek(rowIndex);
                if (column.edit == null || row == null) {
                    return;
                }
                String text = newValue == null ? "" : String.valueOf(newValue);
                if (!text.equals(textOf(column, row))) {
                    column.edit.accept(row, text);
                }
            }

            @Override
            public int getColumnCount() {
                return VirtualGrid.this.columns.size();
            }

            @Override
            public int getRowCount() {
                return count;
            }
        };
        bodyDataLayer = new DataLayer(body);
        for (int i = 0; i < this.columns.size(); i++) {
            bodyDataLayer.setColumnWidthByPosition(i, this.columns.get(i).width);
        }
        bodyDataLayer.setConfigLabelAccumulator((labels, columnPosition, rowPosition) -> {
            Column<R> column = this.columns.get(columnPosition);
            if (column.right) {
                labels.addLabel(RIGHT);
            }
            if (column.edit != null) {
                labels.addLabel(EDIT + columnPosition);
            }
            if (darkTheme) {
                labels.addLabel(THEME);
            }
            R row = column.warning == null && !styledRows ? null : this.rows.peek(rowPosition);
            RowStyle style = row == null || !styledRows ? null : rowStyle.apply(row);
            if (style != null) {
                labels.addLabel(style.label());
            }
            // added last, a warning is looked at first: an overdue cell stays red in a greyed row
            if (column.warning != null && row != null && column.warning.test(row)) {
                labels.addLabel(WARN);
            }
        });
        reorderLayer = new ColumnReorderLayer(bodyDataLayer);
        ColumnHideShowLayer hideShowLayer = new ColumnHideShowLayer(reorderLayer);
        selectionLayer = new SelectionLayer(hideShowLayer);
        viewport = new ViewportLayer(selectionLayer);

        DefaultColumnHeaderDataProvider headerData = new DefaultColumnHeaderDataProvider(
                this.columns.stream().map(c -> c.title).toArray(String[]::new));
        DataLayer headerDataLayer = new DefaultColumnHeaderDataLayer(headerData);
        this.headerDataLayer = headerDataLayer;
        ColumnHeaderLayer headerLayer = new ColumnHeaderLayer(headerDataLayer, viewport, selectionLayer);
        SortHeaderLayer<R> sortHeaderLayer = new SortHeaderLayer<>(headerLayer, new ServerSort(), false);
        sortHeader = sortHeaderLayer;
        DefaultRowHeaderDataProvider rowHeaderData = new DefaultRowHeaderDataProvider(body);
        DataLayer rowHeaderDataLayer = new DefaultRowHeaderDataLayer(rowHeaderData);
        rowHeaderDataLayer.setColumnWidthByPosition(0, 60);
        RowHeaderLayer rowHeaderLayer = new RowHeaderLayer(rowHeaderDataLayer, viewport, selectionLayer);
        CornerLayer corner = new CornerLayer(new DataLayer(new DefaultCornerDataProvider(headerData, rowHeaderData)), rowHeaderLayer,
                sortHeaderLayer);
        GridLayer grid = new GridLayer(viewport, sortHeaderLayer, rowHeaderLayer, corner);
        grid.registerCommandHandler(new DisplayColumnChooserCommandHandler(selectionLayer, hideShowLayer, headerLayer, headerDataLayer, null, null));

        natTable = new NatTable(parent, NatTable.DEFAULT_STYLE_OPTIONS | SWT.BORDER, grid, false);
        natTable.setData(DATA_KEY, this);
        DefaultNatTableStyleConfiguration style = new DefaultNatTableStyleConfiguration();
        style.hAlign = HorizontalAlignmentEnum.LEFT; // text reads from the left, as in every other list (NatTable centres)
        natTable.addConfiguration(style);
        natTable.addConfiguration(new SingleClickSortConfiguration());
        natTable.addConfiguration(new AbstractRegistryConfiguration() {
            @Override
            public void configureRegistry(IConfigRegistry registry) {
                Style right = new Style();
                right.setAttributeValue(CellStyleAttributes.HORIZONTAL_ALIGNMENT, HorizontalAlignmentEnum.RIGHT);
                registry.registerConfigAttribute(CellConfigAttributes.CELL_STYLE, right, DisplayMode.NORMAL, RIGHT);
                Style warn = new Style();
                warn.setAttributeValue(CellStyleAttributes.FOREGROUND_COLOR, Display.getCurrent().getSystemColor(SWT.COLOR_RED));
                registry.registerConfigAttribute(CellConfigAttributes.CELL_STYLE, warn, DisplayMode.NORMAL, WARN);
                Style muted = new Style();
                muted.setAttributeValue(CellStyleAttributes.FOREGROUND_COLOR, Display.getCurrent().getSystemColor(SWT.COLOR_DARK_GRAY));
                registry.registerConfigAttribute(CellConfigAttributes.CELL_STYLE, muted, DisplayMode.NORMAL, RowStyle.MUTED.label());
                for (int i = 0; i < VirtualGrid.this.columns.size(); i++) {
                    Column<R> column = VirtualGrid.this.columns.get(i);
                    if (column.edit != null) {
                        registry.registerConfigAttribute(EditConfigAttributes.CELL_EDITABLE_RULE, editableRule(), DisplayMode.EDIT, EDIT + i);
                        registry.registerConfigAttribute(EditConfigAttributes.CELL_EDITOR, editor(column), DisplayMode.EDIT, EDIT + i);
                    }
                }
            }
        });
        natTable.addConfiguration(new AbstractUiBindingConfiguration() {
            @Override
            public void configureUiBindings(UiBindingRegistry bindings) {
                bindings.registerMouseDownBinding(new MouseEventMatcher(SWT.NONE, GridRegion.COLUMN_HEADER, MouseEventMatcher.RIGHT_BUTTON),
                        new PopupMenuAction(new PopupMenuBuilder(natTable).withHideColumnMenuItem(Messages.Grid_hideColumn)
                                .withShowAllColumnsMenuItem(Messages.Grid_showAllColumns).withSeparator()
                                .withColumnChooserMenuItem(Messages.Grid_chooseColumns).build()));
                // Ctrl+C that reaches the grid itself (no workbench key binding took it first) copies as Edit › Copy does,
                // not in NatTable's own format (no titles, nothing neutralised)
                bindings.registerFirstKeyBinding(new org.eclipse.nebula.widgets.nattable.ui.matcher.KeyEventMatcher(SWT.MOD1, 'c'),
                        (table, event) -> copySelection());
            }
        });
        natTable.configure();
        fitRowsToFont(style.font);
        // the theme's colours: the CSS engine styles the view's body (and restyles it when the user switches themes),
        // NatTable paints with its own registry, so each paint looks whether the body's colours changed since the last
        natTable.addListener(SWT.Paint, e -> followTheme());

        rows = new VirtualRows<>(new VirtualRows.Shown() {
            @Override
            public Display display() {
                return natTable.getDisplay();
            }

            @Override
            public boolean isDisposed() {
                return natTable.isDisposed();
            }

            @Override
            public int count() {
                return count;
            }

            @Override
            public void reset(int newCount) {
                count = newCount;
                // other rows now: a selection would point at records the user did not choose
                selectionLayer.clear(false);
                bodyDataLayer.fireLayerEvent(new RowStructuralRefreshEvent(bodyDataLayer));
                natTable.redraw();
            }

            @Override
            public void arrived(int from, int to) {
                natTable.redraw();
            }
        }, blockSize, cachedBlocks, jobName, jobFamily);
        natTable.addListener(SWT.Dispose, e -> {
            themeColours.forEach(Color::dispose);
            try {
                saveLayout();
            } catch (RuntimeException failed) { // closing goes on; the next start shows the layout kept before
                Platform.getLog(VirtualGrid.class).error(failed.getMessage(), failed);
            }
        });
    }

    // --- row heights

    /** Space above and below a title in the header row (NatTable's bevelled header border takes a pixel of it). */
    static final int HEADER_PADDING = 5;
    /**
     * Space above and below a cell's text in a body row: as much as the header's, since NatTable centres a line by the
     * font's own height and a Chinese glyph of the fallback font reaches lower than that.
     */
    static final int BODY_PADDING = 5;
    private org.eclipse.swt.graphics.Font textFont;

    /**
     * Makes the header row and the body rows as high as the text they show needs in the grid's font, never lower than
     * NatTable's 20 pixels: Chinese glyphs (a fallback font with a taller line) touch the edges of NatTable's fixed
     * 20-pixel rows. The line height is measured with Latin and Chinese letters, as the titles are written in both.
     */
    private void fitRowsToFont(org.eclipse.swt.graphics.Font font) {
        textFont = font;
        int line = textHeight(natTable, font);
        headerDataLayer.setDefaultRowHeight(Math.max(headerDataLayer.getDefaultRowHeight(),
                headerDataLayer.downScaleRowHeight(line + 2 * HEADER_PADDING)));
        bodyDataLayer.setDefaultRowHeight(Math.max(bodyDataLayer.getDefaultRowHeight(), bodyDataLayer.downScaleRowHeight(line + 2 * BODY_PADDING)));
    }

    /** How high a line of Latin and Chinese text is in {@code font} on {@code control}'s display, in pixels. */
    static int textHeight(Control control, org.eclipse.swt.graphics.Font font) {
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(control);
        try {
            if (font != null) {
                gc.setFont(font);
            }
            return gc.textExtent("Ag\u5ba2\u6237\u540d\u79f0").y; // "Ag" and 客户名称
        } finally {
            gc.dispose();
        }
    }

    /** How high the header row is on screen, in pixels. */
    public int headerHeight() {
        return headerDataLayer.getRowHeightByPosition(0);
    }

    /** How high a body row is on screen, in pixels. */
    public int rowHeight() {
        return bodyDataLayer.getRowHeightByPosition(0);
    }

    /** How high a line of the grid's text is on screen, in pixels (tests compare the rows with it). */
    public int lineHeight() {
        return textHeight(natTable, textFont);
    }

    // --- the theme's colours

    /** Where the grid's own colours go in a dark theme: the body, the headers and the selection over them. */
    private static final String[][] THEMED = {
        {DisplayMode.NORMAL.name(), THEME}, {DisplayMode.NORMAL.name(), GridRegion.COLUMN_HEADER},
        {DisplayMode.NORMAL.name(), GridRegion.ROW_HEADER}, {DisplayMode.NORMAL.name(), GridRegion.CORNER},
        {DisplayMode.SELECT.name(), THEME}, {DisplayMode.SELECT.name(), SelectionStyleLabels.SELECTION_ANCHOR_STYLE},
        {DisplayMode.SELECT.name(), GridRegion.COLUMN_HEADER}, {DisplayMode.SELECT.name(), GridRegion.ROW_HEADER},
        {DisplayMode.NORMAL.name(), WARN}, {DisplayMode.SELECT.name(), WARN}, {DisplayMode.NORMAL.name(), "SALESBENCH_ROW_MUTED"}};
    private RGB themedFor;
    private boolean darkTheme;
    private final List<Color> themeColours = new ArrayList<>();
    private java.util.Map<String, java.util.Optional<org.eclipse.nebula.widgets.nattable.style.IStyle>> lightStyles;
    private Color lightBackground;
    private Style selectionStyle;
    private Color[] lightSelection;

    /**
     * Gives the grid the colours of the theme its view has: NatTable's own (light) ones in a light theme; in a dark one
     * the body in the view's background with light text, headers a shade lighter, the selection in a muted blue, and
     * warnings in a light red that reads on the dark background.
     */
    private void followTheme() {
        if (natTable.isDisposed()) {
            return;
        }
        RGB background = natTable.getParent().getBackground().getRGB();
        if (background.equals(themedFor)) {
            return;
        }
        themedFor = background;
        boolean dark = Colours.isDark(background);
        if (!dark && !darkTheme) {
            return; // NatTable's colours as they are
        }
        darkTheme = dark;
        IConfigRegistry registry = natTable.getConfigRegistry();
        if (lightStyles == null) { // NatTable's (and our) light styles, to go back to
            lightStyles = new java.util.HashMap<>();
            for (String[] at : THEMED) {
                lightStyles.put(at[0] + "/" + at[1],
                        java.util.Optional.ofNullable(registry.getSpecificConfigAttribute(CellConfigAttributes.CELL_STYLE, DisplayMode.valueOf(at[0]), at[1])));
            }
            lightBackground = natTable.getBackground();
            if (registry.getSpecificConfigAttribute(CellConfigAttributes.CELL_STYLE, DisplayMode.SELECT, null) instanceof Style selection) {
                selectionStyle = selection;
                lightSelection = new Color[] {selection.getAttributeValue(CellStyleAttributes.BACKGROUND_COLOR),
                    selection.getAttributeValue(CellStyleAttributes.FOREGROUND_COLOR)};
            }
        }
        for (String[] at : THEMED) {
            registry.unregisterConfigAttribute(CellConfigAttributes.CELL_STYLE, DisplayMode.valueOf(at[0]), at[1]);
        }
        registry.unregisterConfigAttribute(CellConfigAttributes.GRID_LINE_COLOR, DisplayMode.NORMAL, THEME);
        themeColours.forEach(Color::dispose);
        themeColours.clear();
        if (dark) {
            RGB white = new RGB(255, 255, 255);
            Color body = colour(Colours.mix(background, white, 0.04));
            Color text = colour(new RGB(224, 224, 224));
            Color header = colour(Colours.mix(background, white, 0.14));
            Color selected = colour(Colours.mix(background, new RGB(70, 130, 200), 0.55));
            Color headerSelected = colour(Colours.mix(background, new RGB(70, 130, 200), 0.35));
            Color warning = colour(new RGB(255, 128, 128));
            themed(registry, DisplayMode.NORMAL, THEME, body, text);
            for (String region : List.of(GridRegion.COLUMN_HEADER, GridRegion.ROW_HEADER, GridRegion.CORNER)) {
                themed(registry, DisplayMode.NORMAL, region, header, text);
            }
            Color whiteText = natTable.getDisplay().getSystemColor(SWT.COLOR_WHITE);
            themed(registry, DisplayMode.SELECT, THEME, selected, whiteText);
            themed(registry, DisplayMode.SELECT, SelectionStyleLabels.SELECTION_ANCHOR_STYLE, selected, whiteText);
            if (selectionStyle != null) { // the selection's own style (it has the selection's font too): its colours only
                selectionStyle.setAttributeValue(CellStyleAttributes.BACKGROUND_COLOR, selected);
                selectionStyle.setAttributeValue(CellStyleAttributes.FOREGROUND_COLOR, whiteText);
            }
            themed(registry, DisplayMode.SELECT, GridRegion.COLUMN_HEADER, headerSelected, text);
            themed(registry, DisplayMode.SELECT, GridRegion.ROW_HEADER, headerSelected, text);
            themed(registry, DisplayMode.NORMAL, WARN, null, warning);
            themed(registry, DisplayMode.SELECT, WARN, null, warning);
            themed(registry, DisplayMode.NORMAL, RowStyle.MUTED.label(), null, colour(new RGB(150, 150, 150)));
            registry.registerConfigAttribute(CellConfigAttributes.GRID_LINE_COLOR, colour(Colours.mix(background, white, 0.22)),
                    DisplayMode.NORMAL, THEME);
            natTable.setBackground(body);
        } else {
            for (String[] at : THEMED) {
                lightStyles.get(at[0] + "/" + at[1]).ifPresent(
                        style -> registry.registerConfigAttribute(CellConfigAttributes.CELL_STYLE, style, DisplayMode.valueOf(at[0]), at[1]));
            }
            natTable.setBackground(lightBackground);
            if (selectionStyle != null) {
                selectionStyle.setAttributeValue(CellStyleAttributes.BACKGROUND_COLOR, lightSelection[0]);
                selectionStyle.setAttributeValue(CellStyleAttributes.FOREGROUND_COLOR, lightSelection[1]);
            }
        }
        natTable.getDisplay().asyncExec(() -> {
            if (!natTable.isDisposed()) {
                natTable.redraw(); // this paint used the colours before
            }
        });
    }

    private Color colour(RGB rgb) {
        Color colour = new Color(natTable.getDisplay(), rgb);
        themeColours.add(colour);
        return colour;
    }

    private static void themed(IConfigRegistry registry, DisplayMode mode, String label, Color background, Color foreground) {
        Style style = new Style();
        if (background != null) {
            style.setAttributeValue(CellStyleAttributes.BACKGROUND_COLOR, background);
        }
        style.setAttributeValue(CellStyleAttributes.FOREGROUND_COLOR, foreground);
        registry.registerConfigAttribute(CellConfigAttributes.CELL_STYLE, style, mode, label);
    }

    /** Whether the grid paints in its dark colours (the view's theme is dark). */
    public boolean isDark() {
        return darkTheme;
    }

    /**
     * The colour the body cell of column {@code id} in row {@code index} (on screen) is painted in, as the grid's styles
     * say, in the display mode it is in (selected or not).
     */
    public RGB cellBackground(int index, String id) {
        followTheme();
        // the grid's first column is the row header and its first row the column header
        var cell = natTable.getCellByPosition(viewport.getColumnPositionByIndex(index(id)) + 1, viewport.getRowPositionByIndex(index) + 1);
        return org.eclipse.nebula.widgets.nattable.style.CellStyleUtil.getCellStyle(cell, natTable.getConfigRegistry())
                .getAttributeValue(CellStyleAttributes.BACKGROUND_COLOR).getRGB();
    }

    /**
     * The colour the text of the body cell of column {@code id} in row {@code index} (on screen) is painted in, as the
     * grid's styles say (a row style, a warning, the theme).
     */
    public RGB cellForeground(int index, String id) {
        followTheme();
        viewport.moveColumnPositionIntoViewport(selectionLayer.getColumnPositionByIndex(index(id))); // a cell off screen has no style
        viewport.moveRowPositionIntoViewport(index);
        var cell = natTable.getCellByPosition(viewport.getColumnPositionByIndex(index(id)) + 1, viewport.getRowPositionByIndex(index) + 1);
        return org.eclipse.nebula.widgets.nattable.style.CellStyleUtil.getCellStyle(cell, natTable.getConfigRegistry())
                .getAttributeValue(CellStyleAttributes.FOREGROUND_COLOR).getRGB();
    }

    // --- row styles

    private boolean styledRows;

    /**
     * Paints each row in the style {@code style} gives it ({@code null}: as its columns say), every cell of the row: a
     * done task greyed, for one. A column's warning colour still shows in a styled row.
     */
    public void rowStyle(Function<R, RowStyle> style) {
        rowStyle = style == null ? row -> null : style;
        styledRows = style != null;
        if (!natTable.isDisposed()) {
            natTable.redraw();
        }
    }

    /** The style row {@code index} is painted in, or {@code null} (plain, or not read). */
    public RowStyle rowStyleAt(int index) {
        R row = rows.peek(index);
        return row == null || !styledRows ? null : rowStyle.apply(row);
    }

    /**
     * The grid that has the keyboard focus, if a grid has it: where a view shows two grids (a list and the selected
     * row's details), Edit › Copy and Select All reach the one the user is in ({@link GridCommands}).
     */
    public static java.util.Optional<VirtualGrid<?>> focused() {
        Display display = Display.getCurrent();
        Control focus = display == null ? null : display.getFocusControl();
        return focus != null && focus.getData(DATA_KEY) instanceof VirtualGrid<?> grid ? java.util.Optional.of(grid) : java.util.Optional.empty();
    }

    /** The key under which a grid's control holds its grid. */
    private static final String DATA_KEY = VirtualGrid.class.getName();

    /**
     * The first grid among {@code parent}'s controls, depth first (a page or dialog made elsewhere: tests and the
     * commands find its grid so), or empty.
     */
    public static java.util.Optional<VirtualGrid<?>> find(Control parent) {
        if (parent.getData(DATA_KEY) instanceof VirtualGrid<?> grid) {
            return java.util.Optional.of(grid);
        }
        if (parent instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                java.util.Optional<VirtualGrid<?>> found = find(child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return java.util.Optional.empty();
    }

    // --- lists read whole

    /**
     * Shows {@code all} as the whole list, for a list read at once (a few rows, or figures computed together): nothing
     * more is read as the user scrolls, and a sort reads the list again through {@link #onSort}. Call on the UI thread
     * with the rows read in a job ({@link #load} does both); the grid is made by {@link #readWhole}, whose blocks hold
     * a list of up to a million rows.
     */
    public void showAll(List<R> all) {
        rows.showAll(all);
    }

    /** The rows {@link #showSorted} was given, in the order given; {@code null} for a grid the database sorts. */
    private List<R> givenRows;

    /**
     * Shows {@code all} (a detail list of a few hundred rows at most: a request's history, a rule's execution log, a
     * report's result) sorted here rather than by the database: a column whose {@link Column#sortBy} key is a
     * {@link java.util.Comparator} of rows sorts them by it, ascending or descending, and no sorted column shows them as
     * given. A click on a header sorts the rows given last again, so the view needs no {@link #onSort} of its own.
     */
    public void showSorted(List<R> all) {
        givenRows = List.copyOf(all);
        onSort = () -> {
            if (givenRows != null) {
                showAll(sortedHere(givenRows));
            }
        };
        showAll(sortedHere(givenRows));
    }

    @SuppressWarnings("unchecked")
    private List<R> sortedHere(List<R> given) {
        if (!(sortKey() instanceof java.util.Comparator<?> comparator)) {
            return given;
        }
        java.util.Comparator<R> order = (java.util.Comparator<R>) comparator;
        return given.stream().sorted(ascending ? order : order.reversed()).toList();
    }

    /**
     * Text as a person reads it, for a column sorted here ({@link #showSorted}): by the user's language's collation,
     * empty last.
     */
    public static <R> java.util.Comparator<R> byText(Function<R, String> text) {
        java.text.Collator collator = java.text.Collator.getInstance();
        return java.util.Comparator.comparing(row -> text.apply(row) == null ? "" : text.apply(row),
                (a, b) -> a.isEmpty() || b.isEmpty() ? Boolean.compare(a.isEmpty(), b.isEmpty()) : collator.compare(a, b));
    }

    /** A column's values in their own order (a time, a number), for a column sorted here ({@link #showSorted}); nulls last. */
    public static <R, V extends Comparable<? super V>> java.util.Comparator<R> byValue(Function<R, V> value) {
        return java.util.Comparator.comparing(value, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
    }

    /** The block size of a grid made for a list read whole ({@link #readWhole}). */
    static final int WHOLE_BLOCK = 10_000;

    /**
     * A grid for a list read whole (approvals, definitions, a deal's quotes, a scorecard's lines): the rows come in
     * one read ({@link #load}), in the order the headers chose.
     */
    public static <R> VirtualGrid<R> readWhole(Composite parent, String gridId, List<Column<R>> columns, String jobName, Object jobFamily,
            String loadingText) {
        return new VirtualGrid<>(parent, gridId, columns, WHOLE_BLOCK, 100, jobName, jobFamily, loadingText);
    }

    /**
     * Reads the whole list in a job ({@code read}, in the order of {@link #sortKey()}) and shows it; {@code shown} gets
     * the rows on the UI thread once they are (a reload after, or a newer read, drops an older one's rows). A failed
     * read goes to the rows' failure reporter ({@link VirtualRows#onFailure}).
     */
    public void load(java.util.function.Supplier<List<R>> read, Consumer<List<R>> shown) {
        int current = rows.restart(block -> null);
        rows.run(read, all -> {
            showAll(all);
            shown.accept(all);
        }, current);
    }

    /** Selects the first row read that {@code which} accepts (the row kept selected across a reload); whether one did. */
    public boolean selectWhere(Predicate<R> which) {
        List<R> read = rows.loaded();
        for (int i = 0; i < read.size(); i++) {
            if (which.test(read.get(i))) {
                selectRow(i);
                return true;
            }
        }
        return false;
    }

    /** Adds every row read that {@code which} accepts to the selection, as a Ctrl+click on its row header does; how many. */
    public int selectAlsoWhere(Predicate<R> which) {
        List<R> read = rows.loaded();
        int n = 0;
        for (int i = 0; i < read.size(); i++) {
            if (which.test(read.get(i))) {
                selectionLayer.doCommand(new SelectRowsCommand(selectionLayer, 0, i, false, true));
                n++;
            }
        }
        return n;
    }

    // --- editing in place

    /** A cell is editable when its row is read and the column's rule lets the row's field be edited. */
    private IEditableRule editableRule() {
        return new IEditableRule() {
            @Override
            public boolean isEditable(ILayerCell cell, IConfigRegistry registry) {
                return isEditable(cell.getColumnIndex(), cell.getRowIndex());
            }

            @Override
            public boolean isEditable(int columnIndex, int rowIndex) {
                Column<R> column = columns.get(columnIndex);
                R row = rows.peek(rowIndex);
                return column.edit != null && row != null && column.editableWhen.test(row);
            }
        };
    }

    /**
     * A text field, or a drop-down of the column's choices; neither opens on a click (a click selects, a double-click
     * opens the record): F2 or typing on the selected cell does.
     */
    private static ICellEditor editor(Column<?> column) {
        if (column.choices != null) {
            return new ComboBoxCellEditor(column.choices) {
                @Override
                public boolean activateAtAnyPosition() {
                    return false;
                }
            };
        }
        return new TextCellEditor() {
            @Override
            public boolean activateAtAnyPosition() {
                return false;
            }
        };
    }

    /** Whether the cell of column {@code id} in row {@code index} can be edited in place now. */
    public boolean isEditable(int index, String id) {
        return editableRule().isEditable(index(id), index);
    }

    /**
     * Edits a cell in place as a user does: selects it, opens its editor (as F2 does), puts {@code value} in it and
     * commits (as Enter does). Returns {@code false} and changes nothing when the cell is not editable.
     */
    public boolean editCell(int index, String id, String value) {
        selectCell(index, id);
        var cell = natTable.getCellByPosition(viewport.getColumnPositionByIndex(index(id)) + 1, viewport.getRowPositionByIndex(index) + 1);
        natTable.doCommand(new EditCellCommand(natTable, natTable.getConfigRegistry(), cell));
        ICellEditor editor = natTable.getActiveCellEditor();
        if (editor == null || editor.isClosed()) {
            return false;
        }
        editor.setEditorValue(editor instanceof ComboBoxCellEditor ? new String[] {value} : value); // a drop-down takes its selection
        return editor.commit(MoveDirectionEnum.NONE);
    }

    /** Primes Eclipse Collections' factories (and NatTable's first logger) once, on whichever thread runs it first. */
    private static final FutureTask<Void> PRIMING = new FutureTask<>(VirtualGrid::primeCollectionsNow, null);
    private static final AtomicBoolean PRIMING_STARTED = new AtomicBoolean();
    /** The thread that ran the priming (for the tests: the workbench's start is meant to leave the first grid none). */
    static volatile String primedOn;

    /**
     * Starts the work every first grid needs (below) on a thread of its own, so that it runs while the database opens
     * and the user interface thread finds it done when it makes its first grid: the workbench calls this as it starts.
     * Until then, or without it, the first grid does that work itself.
     */
    public static void primeInBackground() {
        if (PRIMING_STARTED.compareAndSet(false, true)) {
            Thread thread = new Thread(PRIMING, "Salesbench grid priming");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Runs the priming here unless another thread runs or ran it, and waits until it is done. */
    static void primeCollections() {
        PRIMING.run(); // nothing when it is running on another thread or ran
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    PRIMING.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true; // a grid made before its factories are would fail later: wait on
                } catch (ExecutionException e) {
                    throw new IllegalStateException("Priming the grid's collections failed", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A NatTable class whose initialisation asks slf4j for NatTable's first logger (slf4j then finds its provider). */
    private static final String FIRST_LOGGER_CLASS = "org.eclipse.nebula.widgets.nattable.edit.command.UpdateDataCommandHandler";

    /**
     * Eclipse Collections (what NatTable keeps its sizes, orders and selections in) finds its factories with a
     * ServiceLoader through the thread's context class loader, and its bundles on Maven Central carry no Service Loader
     * Mediator headers: in OSGi that finds nothing, and NatTable fails the first time it builds a list (saving the
     * layout, for one). The factory holders are initialised once, here, with the implementation bundle's class loader
     * as the context loader, so every later use has its factories. NatTable's first logger is made here too: slf4j's
     * start (finding its provider) is the other costly first-time step of the first grid.
     */
    private static void primeCollectionsNow() {
        Thread thread = Thread.currentThread();
        primedOn = thread.getName();
        ClassLoader before = thread.getContextClassLoader();
        ClassLoader api = org.eclipse.collections.api.factory.Lists.class.getClassLoader();
        thread.setContextClassLoader(org.eclipse.collections.impl.list.mutable.FastList.class.getClassLoader());
        try {
            org.osgi.framework.Bundle bundle = org.osgi.framework.FrameworkUtil.getBundle(org.eclipse.collections.api.factory.Lists.class);
            for (String folder : List.of("org/eclipse/collections/api/factory", "org/eclipse/collections/api/factory/primitive")) {
                java.util.Enumeration<java.net.URL> classes = bundle == null ? null : bundle.findEntries(folder, "*.class", false);
                while (classes != null && classes.hasMoreElements()) {
                    String path = classes.nextElement().getPath();
                    String name = path.substring(path.indexOf("org/eclipse/collections/"), path.length() - ".class".length()).replace('/', '.');
                    if (!name.contains("$")) {
                        initialise(name, api);
                    }
                }
            }
        } finally {
            thread.setContextClassLoader(before);
        }
        initialise(FIRST_LOGGER_CLASS, NatTable.class.getClassLoader());
    }

    private static void initialise(String name, ClassLoader loader) {
        try {
            Class.forName(name, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            Platform.getLog(VirtualGrid.class).warn(name + ": " + e);
        }
    }

    /** The order the grid shows: the list's own (no column sorted) or one column's, through the sort model. */
    private final class ServerSort implements ISortModel {
        @Override
        public List<Integer> getSortedColumnIndexes() {
            return sortedIndex < 0 ? List.of() : List.of(sortedIndex);
        }

        @Override
        public boolean isColumnIndexSorted(int columnIndex) {
            return columnIndex == sortedIndex;
        }

        @Override
        public SortDirectionEnum getSortDirection(int columnIndex) {
            if (columnIndex != sortedIndex) {
                return SortDirectionEnum.NONE;
            }
            return ascending ? SortDirectionEnum.ASC : SortDirectionEnum.DESC;
        }

        @Override
        public int getSortOrder(int columnIndex) {
            return columnIndex == sortedIndex ? 0 : -1;
        }

        @SuppressWarnings("rawtypes")
        @Override
        public List<java.util.Comparator> getComparatorsForColumnIndex(int columnIndex) {
            return List.of(); // the database sorts
        }

        @Override
        public java.util.Comparator<?> getColumnComparator(int columnIndex) {
            return null;
        }

        @Override
        public void sort(int columnIndex, SortDirectionEnum direction, boolean accumulate) {
            if (columnIndex < 0 || columnIndex >= columns.size() || columns.get(columnIndex).sortKey == null) {
                return;
            }
            if (direction == SortDirectionEnum.NONE) {
                sortedIndex = -1;
            } else {
                sortedIndex = columnIndex;
                ascending = direction == SortDirectionEnum.ASC;
            }
            sorted();
        }

        @Override
        public void clear() {
            sortedIndex = -1;
            sorted();
        }
    }

    private void sorted() {
        if (!restoring) {
            onSort.run();
        }
    }

    /** Runs when the user chooses another order: the view reads the list again in {@link #sortKey()}'s order. */
    public void onSort(Runnable reread) {
        this.onSort = reread;
    }

    /** The sorted column's key ({@link Column#sortBy}), or {@code null} for the list's own order. */
    public Object sortKey() {
        return sortedIndex < 0 ? null : columns.get(sortedIndex).sortKey;
    }

    public boolean ascending() {
        return ascending;
    }

    /** Sorts by column {@code id} as a click on its header does (each call moves on: ascending, descending, none). */
    public void clickHeader(String id) {
        viewport.moveColumnPositionIntoViewport(selectionLayer.getColumnPositionByIndex(index(id)));
        sortHeader.doCommand(new SortColumnCommand(sortHeader, viewport.getColumnPositionByIndex(index(id)), false));
    }

    /** Runs {@code open} with the row double-clicked (or opened with Enter). */
    public void onOpen(Consumer<R> open) {
        natTable.getUiBindingRegistry().registerDoubleClickBinding(MouseEventMatcher.bodyLeftClick(SWT.NONE), (table, event) -> {
            R row = selectedRow();
            if (row != null) {
                open.accept(row);
            }
        });
    }

    /**
     * The menu a right-click on a row opens (the click selects the cell first, as a table selects its row); the
     * headers keep their own menu.
     */
    public void setRowMenu(MenuManager menu) {
        natTable.setMenu(menu.createContextMenu(natTable));
        natTable.addListener(SWT.MenuDetect, e -> {
            Point at = natTable.toControl(e.x, e.y);
            LabelStack regions = natTable.getRegionLabelsByXY(at.x, at.y);
            if (e.detail == SWT.MENU_MOUSE && (regions == null || !regions.hasLabel(GridRegion.BODY))) {
                e.doit = false;
            }
        });
        natTable.getUiBindingRegistry().registerFirstMouseDownBinding(MouseEventMatcher.bodyRightClick(SWT.NONE), new SelectCellAction());
    }

    public VirtualRows<R> rows() {
        return rows;
    }

    public Control control() {
        return natTable;
    }

    public NatTable natTable() {
        return natTable;
    }

    /** How many rows the list has (not how many are read). */
    public int rowCount() {
        return count;
    }

    /**
     * The list turned out to have {@code newCount} rows (counted after the first block was shown): the rows read so far
     * and the selection are kept, the scroll bar follows.
     */
    public void setRowCount(int newCount) {
        if (newCount == count || natTable.isDisposed()) {
            return;
        }
        count = newCount;
        bodyDataLayer.fireLayerEvent(new RowStructuralRefreshEvent(bodyDataLayer));
        natTable.redraw();
    }

    /** Asks again for the cells shown (blocks the source left unread before can be read now). */
    public void repaint() {
        if (!natTable.isDisposed()) {
            natTable.redraw();
        }
    }

    /** Runs {@code changed} whenever the user selects other cells or rows (a view tells its selection listeners). */
    public void onSelection(Runnable changed) {
        selectionLayer.addLayerListener(event -> {
            if (event instanceof org.eclipse.nebula.widgets.nattable.selection.event.ISelectionEvent) {
                changed.run();
            }
        });
    }

    /** The row at {@code index} if its block is read, else {@code null} (nothing is read for it). */
    public R rowAt(int index) {
        return rows.peek(index);
    }

    /** What the cell of column {@code id} shows for row {@code index}, or {@code null} while the row is not read. */
    public String cellText(int index, String id) {
        R row = rows.peek(index);
        return row == null ? null : textOf(columns.get(index(id)), row);
    }

    /**
     * What the grid paints in the cell of column {@code id} for row {@code index}: asking reads the row's block if it
     * is not read (the loading text until it arrives), as painting the cell does.
     */
    public String shownText(int index, String id) {
        return String.valueOf(bodyDataLayer.getDataValueByPosition(index(id), index));
    }

    private String textOf(Column<R> column, R row) {
        String text = column.text.apply(row);
        return text == null ? "" : text;
    }

    private int index(String id) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).id.equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("No column " + id + " in grid " + gridId);
    }

    /** The ids of the shown columns, left to right. */
    public List<String> visibleColumns() {
        List<String> ids = new ArrayList<>();
        for (int position = 0; position < selectionLayer.getColumnCount(); position++) {
            ids.add(columns.get(selectionLayer.getColumnIndexByPosition(position)).id);
        }
        return ids;
    }

    /** Hides column {@code id}, as its header menu's Hide column does. */
    public void hideColumn(String id) {
        selectionLayer.doCommand(new MultiColumnHideCommand(selectionLayer, selectionLayer.getColumnPositionByIndex(index(id))));
    }

    public void showAllColumns() {
        natTable.doCommand(new ShowAllColumnsCommand());
    }

    /** Moves column {@code id} to shown position {@code position}, as dragging its header there does. */
    public void moveColumn(String id, int position) {
        selectionLayer.doCommand(new ColumnReorderCommand(selectionLayer, selectionLayer.getColumnPositionByIndex(index(id)), position));
    }

    public int columnWidth(String id) {
        return bodyDataLayer.getColumnWidthByPosition(index(id));
    }

    public void resizeColumn(String id, int width) {
        bodyDataLayer.doCommand(new ColumnResizeCommand(bodyDataLayer, index(id), width));
    }

    // --- selection and copy

    /** The one row selected (any of its cells), or {@code null} when none or several are, or it is not read. */
    public R selectedRow() {
        int[] selected = selectedRowIndexes();
        return selected.length == 1 ? rows.peek(selected[0]) : null;
    }

    /** The rows with a selected cell, top to bottom. */
    public int[] selectedRowIndexes() {
        if (selectionLayer.getSelectionModel().isEmpty()) {
            return new int[0];
        }
        Set<Range> ranges = selectionLayer.getSelectedRowPositions();
        return ranges.stream().flatMapToInt(r -> java.util.stream.IntStream.range(r.start, r.end)).sorted().toArray();
    }

    public boolean hasSelection() {
        return !natTable.isDisposed() && !selectionLayer.getSelectionModel().isEmpty();
    }

    /** Selects row {@code index} whole, as a click on its row header does. */
    public void selectRow(int index) {
        selectionLayer.doCommand(new SelectRowsCommand(selectionLayer, 0, index, false, false));
    }

    /** Selects one cell, as a click on it does. */
    public void selectCell(int index, String id) {
        selectionLayer.doCommand(new SelectCellCommand(selectionLayer, selectionLayer.getColumnPositionByIndex(index(id)), index, false, false));
    }

    public void selectAll() {
        selectionLayer.doCommand(new SelectAllCommand());
    }

    /**
     * The selected cells as they are shown, tab-separated, a line a row (preceded by the column titles when whole rows
     * are selected), for a spreadsheet; rows not read yet are left out. {@code null} when nothing is selected.
     */
    public String selectionText() {
        int[] selected = selectedRowIndexes();
        if (selected.length == 0) {
            return null;
        }
        int[] columnPositions = java.util.Arrays.stream(selectionLayer.getSelectedColumnPositions()).sorted().toArray();
        boolean wholeRows = true;
        StringBuilder body = new StringBuilder();
        for (int rowIndex : selected) {
            R row = rows.peek(rowIndex);
            if (row == null) {
                continue;
            }
            wholeRows &= selectionLayer.isRowPositionFullySelected(rowIndex);
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columnPositions.length; c++) {
                String text = selectionLayer.isCellPositionSelected(columnPositions[c], rowIndex)
                        ? textOf(columns.get(selectionLayer.getColumnIndexByPosition(columnPositions[c])), row) : "";
                line.append(c == 0 ? "" : "\t").append(cell(text));
            }
            body.append(body.isEmpty() ? "" : System.lineSeparator()).append(line);
        }
        if (!wholeRows || body.isEmpty()) {
            return body.toString();
        }
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < columnPositions.length; c++) {
            text.append(c == 0 ? "" : "\t").append(cell(columns.get(selectionLayer.getColumnIndexByPosition(columnPositions[c])).title));
        }
        return text.append(System.lineSeparator()).append(body).toString();
    }

    /** Puts {@link #selectionText()} on the clipboard. */
    public void copySelection() {
        String text = selectionText();
        if (text == null || text.isEmpty()) {
            return;
        }
        Clipboard clipboard = new Clipboard(natTable.getDisplay());
        try {
            clipboard.setContents(new Object[] {text}, new Transfer[] {TextTransfer.getInstance()});
        } finally {
            clipboard.dispose();
        }
    }

    private static String cell(String text) {
        return SpreadsheetText.neutralise(text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
    }

    // --- the layout kept per user

    private String preferenceKey() {
        String user = Services.find(SecurityService.class).map(s -> {
            try {
                return s.currentUser().login();
            } catch (RuntimeException e) {
                return null;
            }
        }).orElse(null);
        return gridId + "." + (user == null ? "-" : user);
    }

    private static Preferences node() {
        return InstanceScope.INSTANCE.getNode("org.salesbench.ui").node(PREFERENCES_NODE);
    }

    /** Keeps the layout (column order, widths, hidden columns, sort) for the signed-in user; the grid does it when it closes. */
    public void saveLayout() {
        Properties state = new Properties();
        natTable.saveState(STATE_PREFIX, state);
        state.setProperty(COLUMNS_KEY, String.join(",", columns.stream().map(c -> c.id).toList()));
        state.setProperty(ORDER_KEY, String.join(",", reorderLayer.getColumnIndexOrder().stream().map(String::valueOf).toList()));
        state.setProperty(SORT_KEY, sortedIndex < 0 ? "" : columns.get(sortedIndex).id + (ascending ? ",asc" : ",desc"));
        StringWriter text = new StringWriter();
        try {
            state.store(text, null);
            node().put(preferenceKey(), text.toString());
            node().flush();
        } catch (IOException | BackingStoreException e) {
            throw new IllegalStateException("The layout of " + gridId + " could not be kept: " + e.getMessage(), e);
        }
    }

    /**
     * Restores the layout the signed-in user left (nothing when there is none, or it was kept for other columns);
     * call before the first read, which then follows the restored sort.
     */
    public void restoreLayout() {
        String kept = node().get(preferenceKey(), null);
        if (kept == null) {
            return;
        }
        Properties state = new Properties();
        try {
            state.load(new StringReader(kept));
        } catch (IOException e) {
            return;
        }
        if (!String.join(",", columns.stream().map(c -> c.id).toList()).equals(state.getProperty(COLUMNS_KEY))) {
            return; // another version's columns: its positions would mean other columns
        }
        restoring = true;
        try {
            natTable.loadState(STATE_PREFIX, state);
            restoreOrder(state.getProperty(ORDER_KEY, ""));
            sortedIndex = -1;
            ascending = true;
            String[] sort = state.getProperty(SORT_KEY, "").split(",");
            if (sort.length == 2) {
                for (int i = 0; i < columns.size(); i++) {
                    if (columns.get(i).id.equals(sort[0]) && columns.get(i).sortKey != null) {
                        sortedIndex = i;
                        ascending = "asc".equals(sort[1]);
                    }
                }
            }
        } finally {
            restoring = false;
        }
        // a redraw, not natTable.refresh(): a structural refresh makes the reorder layer forget the restored order
        natTable.redraw();
    }

    /** Puts the columns in the kept order (hidden ones included), whatever the layers' own restoring did. */
    private void restoreOrder(String kept) {
        List<Integer> order = new ArrayList<>();
        for (String index : kept.split(",")) {
            try {
                order.add(Integer.valueOf(index.strip()));
            } catch (NumberFormatException e) {
                return;
            }
        }
        if (order.size() != columns.size() || !order.containsAll(IntStream.range(0, columns.size()).boxed().toList())) {
            return;
        }
        for (int position = 0; position < order.size(); position++) {
            int current = reorderLayer.getColumnPositionByIndex(order.get(position));
            if (current != position) {
                reorderLayer.doCommand(new ColumnReorderCommand(reorderLayer, current, position));
            }
        }
    }

    /** Forgets every user's kept layout of grid {@code gridId} (tests start from the columns as made). */
    public static void forgetLayouts(String gridId) {
        try {
            Preferences node = node();
            for (String key : node.keys()) {
                if (key.startsWith(gridId + ".")) {
                    node.remove(key);
                }
            }
            node.flush();
        } catch (BackingStoreException e) {
            throw new IllegalStateException(e);
        }
    }
}
