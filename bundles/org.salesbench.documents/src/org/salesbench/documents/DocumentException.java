package org.salesbench.documents;

/** A document could not be rendered: no usable font, or the output could not be written. */
public class DocumentException extends Exception {

    private static final long serialVersionUID = 1L;

    public DocumentException(String message) {
        super(message);
    }

    public DocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
