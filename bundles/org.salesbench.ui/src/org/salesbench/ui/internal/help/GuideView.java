package org.salesbench.ui.internal.help;

import java.util.List;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.part.ViewPart;

/** The user guide: its contents on the left, the chosen page on the right. */
public class GuideView extends ViewPart {

    public static final String ID = "org.salesbench.ui.views.guide";

    private Tree contents;
    private StyledText page;
    private String shown;

    @Override
    public void createPartControl(Composite parent) {
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        contents = new Tree(sash, SWT.SINGLE | SWT.BORDER);
        page = new StyledText(sash, SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        page.setMargins(12, 8, 12, 8);
        sash.setWeights(new int[] {1, 3});
        for (Guide.Entry entry : Guide.contents()) {
            add(null, entry);
        }
        for (TreeItem item : contents.getItems()) {
            item.setExpanded(true);
        }
        contents.addListener(SWT.Selection, e -> {
            if (e.item instanceof TreeItem item && item.getData() instanceof String href) {
                render(href);
            }
        });
        show(Guide.WELCOME);
    }

    private void add(TreeItem parent, Guide.Entry entry) {
        TreeItem item = parent == null ? new TreeItem(contents, SWT.NONE) : new TreeItem(parent, SWT.NONE);
        item.setText(entry.label());
        item.setData(entry.href());
        entry.children().forEach(child -> add(item, child));
    }

    /** Shows the page {@code href} ({@code /bundle/path}) and selects it in the contents. */
    public void show(String href) {
        TreeItem item = find(contents.getItems(), href);
        if (item != null) {
            contents.setSelection(item);
        }
        render(href);
    }

    private static TreeItem find(TreeItem[] items, String href) {
        for (TreeItem item : items) {
            if (href.equals(item.getData())) {
                return item;
            }
            TreeItem below = find(item.getItems(), href);
            if (below != null) {
                return below;
            }
        }
        return null;
    }

    private void render(String href) {
        shown = href;
        HtmlText text = HtmlText.of(Guide.read(href).orElse("<p>" + href + "</p>"));
        page.setText(text.text);
        List<StyleRange> styles = new java.util.ArrayList<>();
        Font header = JFaceResources.getHeaderFont();
        Font banner = JFaceResources.getBannerFont();
        Font code = JFaceResources.getTextFont();
        for (HtmlText.Range r : text.ranges) {
            int start = Math.min(r.start(), text.text.length());
            int length = Math.max(0, Math.min(r.length(), text.text.length() - start));
            if (length == 0) {
                continue;
            }
            StyleRange style = new StyleRange();
            style.start = start;
            style.length = length;
            switch (r.style()) {
                case TITLE -> style.font = header;
                case HEADING -> style.font = banner;
                case BOLD -> style.fontStyle = SWT.BOLD;
                case CODE -> style.font = code;
            }
            styles.add(style);
        }
        page.setStyleRanges(styles.toArray(StyleRange[]::new));
        setContentDescription("");
    }

    /** The page shown ({@code /bundle/path}). */
    public String shownPage() {
        return shown;
    }

    /** The page's text as shown (tests read it). */
    public String shownText() {
        return page.getText();
    }

    public Tree contents() {
        return contents;
    }

    @Override
    public void setFocus() {
        page.setFocus();
    }
}
