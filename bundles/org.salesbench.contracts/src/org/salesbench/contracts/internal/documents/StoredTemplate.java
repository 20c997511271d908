package org.salesbench.contracts.internal.documents;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;

/**
 * One of this installation's named contract templates (change set contracts-10-named-templates), written through JPA so
 * the audit trail records each change on either database. {@code fallback}: upgraded from the installation's own
 * template of its language, the language's default while no team setting names one.
 */
@Entity
@Table(name = "SB_CONTRACT_DOC_TEMPLATE")
public class StoredTemplate extends AbstractEntity {

    @Column(name = "NAME", length = 100, nullable = false)
    private String name;

    /** The name folded (stripped, lower case): unique. */
    @Column(name = "NAME_KEY", length = 100, nullable = false)
    private String nameKey;

    @Column(name = "LANG", length = 16, nullable = false)
    private String lang;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "BODY", nullable = false)
    private String body;

    @Column(name = "FALLBACK", nullable = false)
    private boolean fallback;

    protected StoredTemplate() {
    }

    StoredTemplate(String name, String lang, String body) {
        setName(name);
        this.lang = lang;
        this.body = body;
    }

    public String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
        this.nameKey = key(name);
    }

    /** The folded form two names that are the same for people share. */
    static String key(String name) {
        return name.strip().toLowerCase(java.util.Locale.ROOT);
    }

    public String getLang() {
        return lang;
    }

    public String getBody() {
        return body;
    }

    void setBody(String body) {
        this.body = body;
    }

    public boolean isFallback() {
        return fallback;
    }
}
