package org.salesbench.addons;

/** An add-on could not be listed, installed or uninstalled; the message says which and why. */
public class AddonException extends Exception {

    private static final long serialVersionUID = 1L;

    public AddonException(String message) {
        super(message);
    }

    public AddonException(String message, Throwable cause) {
        super(message, cause);
    }
}
