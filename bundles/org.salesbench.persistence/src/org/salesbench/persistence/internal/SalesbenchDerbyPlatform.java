package org.salesbench.persistence.internal;

import java.io.IOException;
import java.io.Writer;

import org.eclipse.persistence.platform.database.DerbyPlatform;

/**
 * EclipseLink's Derby dialect as Derby is today: it has a real BOOLEAN type (since 10.7), which
 * our migrations use on Derby and PostgreSQL alike, so boolean literals print as TRUE/FALSE
 * rather than the 1/0 that Derby refuses to compare with a BOOLEAN column.
 */
public class SalesbenchDerbyPlatform extends DerbyPlatform {

    private static final long serialVersionUID = 1L;

    @Override
    protected void appendBoolean(Boolean bool, Writer writer) throws IOException {
        writer.write(Boolean.TRUE.equals(bool) ? "TRUE" : "FALSE");
    }
}
