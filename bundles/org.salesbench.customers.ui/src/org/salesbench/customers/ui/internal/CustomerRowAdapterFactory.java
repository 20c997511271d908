package org.salesbench.customers.ui.internal;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.PropertyDescriptor;
import org.salesbench.customers.CustomerRow;
import org.salesbench.ui.forms.Formats;

/** Shows the selected customer of the list in the Properties view. */
public class CustomerRowAdapterFactory implements IAdapterFactory {

    @Override
    public <T> T getAdapter(Object adaptable, Class<T> adapterType) {
        if (adapterType == IPropertySource.class && adaptable instanceof CustomerRow row) {
            return adapterType.cast(new RowProperties(row));
        }
        return null;
    }

    @Override
    public Class<?>[] getAdapterList() {
        return new Class<?>[] {IPropertySource.class};
    }

    private record RowProperties(CustomerRow row) implements IPropertySource {

        @Override
        public Object getEditableValue() {
            return row;
        }

        @Override
        public IPropertyDescriptor[] getPropertyDescriptors() {
            String[][] names = {{"name", Messages.Column_name}, {"shortName", Messages.Column_shortName}, {"grade", Messages.Column_grade},
                    {"status", Messages.Column_status}, {"industry", Messages.Column_industry}, {"region", Messages.Column_region},
                    {"owner", Messages.Column_owner}, {"nextFollowUp", Messages.Column_nextFollowUp}, {"updated", Messages.Column_updated}};
            IPropertyDescriptor[] descriptors = new IPropertyDescriptor[names.length];
            for (int i = 0; i < names.length; i++) {
                descriptors[i] = new PropertyDescriptor(names[i][0], names[i][1]);
            }
            return descriptors;
        }

        @Override
        public Object getPropertyValue(Object id) {
            return switch ((String) id) {
                case "name" -> row.name();
                case "shortName" -> Formats.text(row.shortName());
                case "grade" -> Formats.text(row.grade());
                case "status" -> Labels.of(row.status());
                case "industry" -> Formats.text(Industries.label(row.industry()));
                case "region" -> Formats.text(row.region());
                case "owner" -> Formats.text(row.owner());
                case "nextFollowUp" -> Formats.date(row.nextFollowUp());
                case "updated" -> Formats.dateTime(row.updatedAt());
                default -> "";
            };
        }

        @Override
        public boolean isPropertySet(Object id) {
            return false;
        }

        @Override
        public void resetPropertyValue(Object id) {
            // read-only
        }

        @Override
        public void setPropertyValue(Object id, Object value) {
            // read-only
        }
    }
}
