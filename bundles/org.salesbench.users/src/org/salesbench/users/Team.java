package org.salesbench.users;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;

/** A sales team: a name, a region, a manager and members (all by login). */
@Entity
@Table(name = "SB_TEAM")
public class Team extends AbstractEntity {

    @Column(name = "NAME", length = 128, nullable = false, unique = true)
    private String name;

    @Column(name = "REGION", length = 128)
    private String region;

    @Column(name = "MANAGER", length = 64)
    private String manager;

    @ElementCollection
    @CollectionTable(name = "SB_TEAM_MEMBER", joinColumns = @JoinColumn(name = "TEAM_ID"))
    @Column(name = "LOGIN", length = 64)
    private Set<String> members = new LinkedHashSet<>();

    protected Team() {
    }

    public Team(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getManager() {
        return manager;
    }

    public void setManager(String manager) {
        this.manager = manager;
    }

    public Set<String> getMembers() {
        return members;
    }
}
