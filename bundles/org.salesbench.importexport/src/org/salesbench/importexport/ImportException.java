package org.salesbench.importexport;

import java.io.IOException;

/** A file that cannot be imported at all (empty, binary, unknown encoding…); the message is for the user. */
public class ImportException extends IOException {

    private static final long serialVersionUID = 1L;

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
