package org.salesbench.ui;

/** Ids other bundles use to place their views in the Salesbench perspectives and menus. */
public final class SalesbenchUi {

    public static final String PLUGIN_ID = "org.salesbench.ui";
    public static final String APPLICATION_ID = "org.salesbench.ui.application";
    public static final String PRODUCT_ID = "org.salesbench.ui.product";

    public static final String PERSPECTIVE_SALES = "org.salesbench.ui.perspectives.sales";
    public static final String PERSPECTIVE_MANAGER = "org.salesbench.ui.perspectives.manager";
    public static final String PERSPECTIVE_ANALYTICS = "org.salesbench.ui.perspectives.analytics";

    /** Folder ids inside the perspectives, for {@code org.eclipse.ui.perspectiveExtensions}. */
    public static final String FOLDER_LEFT = "org.salesbench.ui.folders.left";
    public static final String FOLDER_BOTTOM = "org.salesbench.ui.folders.bottom";
    /** Below {@link #FOLDER_LEFT}: the lists a user looks at less often (the public pool, receivables…). */
    public static final String FOLDER_LEFT_BOTTOM = "org.salesbench.ui.folders.leftBottom";

    private SalesbenchUi() {
    }
}
