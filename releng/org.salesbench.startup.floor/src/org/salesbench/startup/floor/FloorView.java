package org.salesbench.startup.floor;

import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.data.IDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.layer.DefaultGridLayer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.ui.part.ViewPart;
import org.osgi.framework.FrameworkUtil;

/**
 * The floor's one view: a NatTable grid, as the product's Customers view, of {@value #ROWS} rows made in memory (no
 * database). Its first paint is the floor's first painted rows ({@link FloorTimes#firstPaint}).
 */
public class FloorView extends ViewPart {

    static final String ID = "org.salesbench.startup.floor.view";
    static final int ROWS = 500;
    private static final String[] CITIES = { "Shanghai", "Beijing", "Shenzhen", "Hangzhou", "Chengdu" };
    private NatTable grid;

    @Override
    public void createPartControl(Composite parent) {
        List<String> headers = List.of("%column.name", "%column.city", "%column.owner", "%column.grade").stream()
                .map(key -> Platform.getResourceString(FrameworkUtil.getBundle(FloorView.class), key)).toList();
        IDataProvider rows = new IDataProvider() {
            @Override
            public Object getDataValue(int column, int row) {
                return switch (column) {
                    case 0 -> "Customer " + (row + 1);
                    case 1 -> CITIES[row % CITIES.length];
                    case 2 -> "owner" + row % 7;
                    default -> String.valueOf((char) ('A' + row % 3));
                };
            }

            @Override
            public void setDataValue(int column, int row, Object value) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int getColumnCount() {
                return headers.size();
            }

            @Override
            public int getRowCount() {
                return ROWS;
            }
        };
        IDataProvider header = new IDataProvider() {
            @Override
            public Object getDataValue(int column, int row) {
                return headers.get(column);
            }

            @Override
            public void setDataValue(int column, int row, Object value) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int getColumnCount() {
                return headers.size();
            }

            @Override
            public int getRowCount() {
                return 1;
            }
        };
        parent.setLayout(new FillLayout());
        grid = new NatTable(parent, new DefaultGridLayer(rows, header));
        grid.addListener(SWT.Paint, new Listener() {
            @Override
            public void handleEvent(org.eclipse.swt.widgets.Event event) {
                grid.removeListener(SWT.Paint, this);
                FloorTimes.firstPaint(grid.getDisplay());
            }
        });
    }

    @Override
    public void setFocus() {
        grid.setFocus();
    }
}
