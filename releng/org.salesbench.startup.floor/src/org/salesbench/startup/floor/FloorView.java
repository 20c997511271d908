package org.salesbench.startup.floor;

import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.part.ViewPart;
import org.osgi.framework.FrameworkUtil;

/**
 * The floor's one view: an SWT table of {@value #ROWS} rows made in memory (no database), four columns as a short
 * customer list. Its first paint is the floor's first painted rows ({@link FloorTimes#firstPaint}).
 */
public class FloorView extends ViewPart {

    static final String ID = "org.salesbench.startup.floor.view";
    static final int ROWS = 500;
    private static final String[] COLUMNS = { "%column.name", "%column.city", "%column.owner", "%column.grade" };
    private static final String[] CITIES = { "Shanghai", "Beijing", "Shenzhen", "Hangzhou", "Chengdu" };
    private Table table;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new FillLayout());
        table = new Table(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (String key : COLUMNS) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(Platform.getResourceString(FrameworkUtil.getBundle(FloorView.class), key));
            column.setWidth(key.equals("%column.name") ? 260 : 140);
        }
        for (int row = 0; row < ROWS; row++) {
            new TableItem(table, SWT.NONE).setText(new String[] { "Customer " + (row + 1), CITIES[row % CITIES.length],
                    "owner" + row % 7, String.valueOf((char) ('A' + row % 3)) });
        }
        table.addListener(SWT.Paint, new Listener() {
            @Override
            public void handleEvent(org.eclipse.swt.widgets.Event event) {
                table.removeListener(SWT.Paint, this);
                FloorTimes.firstPaint(table.getDisplay());
            }
        });
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }
}
