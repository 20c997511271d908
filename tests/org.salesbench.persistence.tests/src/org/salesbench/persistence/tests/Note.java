package org.salesbench.persistence.tests;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;

/** The entity these tests store: the persistence bundle is tested without any module's entities. */
@Entity
@Table(name = "SB_TEST_NOTE")
public class Note extends AbstractEntity {

    @Column(name = "TITLE", length = 128, nullable = false, unique = true)
    private String title;

    protected Note() {
    }

    public Note(String title) {
        this.title = title;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }
}
