package org.salesbench.core.security;

/** Thrown by {@link SecurityService#check} when the current user may not do what was asked. */
public class AccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
