package org.salesbench.users;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;

/** A person who signs in to Salesbench. Records name their owner by {@link #getLogin()}. */
@Entity
@Table(name = "SB_USER")
public class User extends AbstractEntity {

    @Column(name = "LOGIN", length = 64, nullable = false, unique = true)
    private String login;

    @Column(name = "DISPLAY_NAME", length = 128, nullable = false)
    private String displayName;

    @Column(name = "EMAIL", length = 254)
    private String email;

    /** The login of this user's manager, or {@code null}. */
    @Column(name = "MANAGER", length = 64)
    private String manager;

    @Column(name = "ACTIVE", nullable = false)
    private boolean active = true;

    protected User() {
    }

    public User(String login, String displayName) {
        this.login = login;
        this.displayName = displayName;
    }

    public String getLogin() {
        return login;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getManager() {
        return manager;
    }

    public void setManager(String manager) {
        this.manager = manager;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
