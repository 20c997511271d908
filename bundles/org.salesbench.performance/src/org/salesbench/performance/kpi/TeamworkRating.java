package org.salesbench.performance.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;

/** A manager's teamwork rating (0–100) of a person for a period; the record's owner is the person rated. */
@Entity
@Table(name = "SB_PERF_RATING")
public class TeamworkRating extends AbstractEntity {

    public static final String ENTITY = "performance_rating";

    @Column(name = "LOGIN", length = 64, nullable = false)
    private String login;

    @Column(name = "PERIOD_FROM", nullable = false)
    private LocalDate periodFrom;

    @Column(name = "PERIOD_TO", nullable = false)
    private LocalDate periodTo;

    @Column(name = "RATING", precision = 7, scale = 2, nullable = false)
    private BigDecimal rating;

    @Column(name = "REASON", length = 500)
    private String reason;

    protected TeamworkRating() {
    }

    public TeamworkRating(String login, Period period, BigDecimal rating, String reason) {
        this.login = login;
        setOwner(login);
        this.periodFrom = period.from();
        this.periodTo = period.to();
        this.rating = rating;
        this.reason = reason;
    }

    public String getLogin() {
        return login;
    }

    public Period getPeriod() {
        return new Period(periodFrom, periodTo);
    }

    public BigDecimal getRating() {
        return rating;
    }

    public void setRating(BigDecimal rating) {
        this.rating = rating;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
