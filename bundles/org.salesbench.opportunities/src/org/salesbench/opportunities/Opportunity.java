package org.salesbench.opportunities;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.salesbench.core.model.DeletableEntity;
import org.salesbench.core.model.Money;
import org.salesbench.customers.Customer;

/**
 * A deal being worked with a customer: an amount expected to close on a date, moving through the
 * stages of a pipeline. Stage changes go through {@code OpportunityService.moveToStage}, which
 * checks the stage's rules and writes a {@link StageHistory} row.
 */
@Entity
@Table(name = "SB_OPPORTUNITY")
public class Opportunity extends DeletableEntity {

    public static final String ENTITY = "opportunity";

    @ManyToOne(optional = false)
    @JoinColumn(name = "CUSTOMER_ID", nullable = false)
    private Customer customer;

    @Column(name = "NAME", length = 200, nullable = false)
    private String name;

    /** Columns AMOUNT and CURRENCY. */
    @Embedded
    private Money amount;

    @Column(name = "CLOSE_DATE")
    private LocalDate expectedCloseDate;

    /** yyyymm of the expected close date, so the forecast groups by month in plain SQL; maintained by the service. */
    @Column(name = "CLOSE_MONTH")
    private Integer closeMonth;

    @ManyToOne(optional = false)
    @JoinColumn(name = "PIPELINE_ID", nullable = false)
    private Pipeline pipeline;

    @ManyToOne(optional = false)
    @JoinColumn(name = "STAGE_ID", nullable = false)
    private Stage stage;

    /** The stage's kind, copied here so lists and the forecast filter open/won/lost without a join; maintained by the service. */
    @Enumerated(EnumType.STRING)
    @Column(name = "STATE", length = 8, nullable = false)
    private StageKind state = StageKind.OPEN;

    @Column(name = "STAGE_ENTERED_AT")
    private Instant stageEnteredAt;

    /** Percent, 0 to 100; the stage's default unless the owner set another. */
    @Column(name = "PROBABILITY", nullable = false)
    private int probability;

    @Enumerated(EnumType.STRING)
    @Column(name = "FORECAST_CATEGORY", length = 16, nullable = false)
    private ForecastCategory forecastCategory = ForecastCategory.PIPELINE;

    @ElementCollection
    @CollectionTable(name = "SB_OPPORTUNITY_MEMBER", joinColumns = @JoinColumn(name = "OPPORTUNITY_ID"))
    @Column(name = "LOGIN", length = 64)
    private Set<String> teamMembers = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "SB_OPPORTUNITY_COMPETITOR", joinColumns = @JoinColumn(name = "OPPORTUNITY_ID"))
    @OrderColumn(name = "POSITION")
    @Column(name = "COMPETITOR", length = 128)
    private List<String> competitors = new ArrayList<>();

    @Column(name = "NEXT_STEP", length = 500)
    private String nextStep;

    @Column(name = "LOSS_REASON", length = 500)
    private String lossReason;

    /** The day it was won or lost. */
    @Column(name = "CLOSED_ON")
    private LocalDate closedOn;

    /** The lead this opportunity was converted from, if any. */
    @Column(name = "LEAD_ID")
    private Long leadId;

    /** A lead source code, for analytics. */
    @Column(name = "SOURCE", length = 64)
    private String source;

    /** The campaign it came from: a {@link LeadSource} code (a migrated campaign is a lead source, its record id the code). */
    @Column(name = "CAMPAIGN", length = 64)
    private String campaign;

    /** The customer's industry when the deal was made, for analytics. */
    @Column(name = "INDUSTRY", length = 64)
    private String industry;

    @Column(name = "DESCRIPTION", length = 4000)
    private String description;

    /**
     * The main product sold, for won revenue by product; the quotes carry the detailed lines. An id of
     * the {@link ProductCatalog}'s product, not the entity, so opportunities do not depend on the quotes module.
     */
    @Column(name = "PRODUCT_ID")
    private Long productId;

    /** The day selling began (engaged), where the sales cycle starts; the creation day unless set. */
    @Column(name = "ENGAGED_ON")
    private LocalDate engagedOn;

    public Opportunity() {
    }

    public Opportunity(Customer customer, String name, Money amount) {
        this.customer = customer;
        this.name = name;
        this.amount = amount;
    }

    public Customer getCustomer() { return customer; }
    public void setCustomer(Customer customer) { this.customer = customer; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Money getAmount() { return amount; }
    public void setAmount(Money amount) { this.amount = amount; }
    public LocalDate getExpectedCloseDate() { return expectedCloseDate; }
    public void setExpectedCloseDate(LocalDate expectedCloseDate) { this.expectedCloseDate = expectedCloseDate; }
    public Integer getCloseMonth() { return closeMonth; }
    public void setCloseMonth(Integer closeMonth) { this.closeMonth = closeMonth; }
    public Pipeline getPipeline() { return pipeline; }
    public void setPipeline(Pipeline pipeline) { this.pipeline = pipeline; }
    /** The current stage. To change it on a saved opportunity use {@code OpportunityService.moveToStage}. */
    public Stage getStage() { return stage; }
    public void setStage(Stage stage) { this.stage = stage; }
    public StageKind getState() { return state; }
    public void setState(StageKind state) { this.state = state; }
    public Instant getStageEnteredAt() { return stageEnteredAt; }
    public void setStageEnteredAt(Instant stageEnteredAt) { this.stageEnteredAt = stageEnteredAt; }
    public int getProbability() { return probability; }
    public void setProbability(int probability) { this.probability = probability; }
    public ForecastCategory getForecastCategory() { return forecastCategory; }
    public void setForecastCategory(ForecastCategory forecastCategory) { this.forecastCategory = forecastCategory; }
    /** Logins of the people working the deal besides the owner. */
    public Set<String> getTeamMembers() { return teamMembers; }
    public List<String> getCompetitors() { return competitors; }
    public String getNextStep() { return nextStep; }
    public void setNextStep(String nextStep) { this.nextStep = nextStep; }
    public String getLossReason() { return lossReason; }
    public void setLossReason(String lossReason) { this.lossReason = lossReason; }
    public LocalDate getClosedOn() { return closedOn; }
    public void setClosedOn(LocalDate closedOn) { this.closedOn = closedOn; }
    public Long getLeadId() { return leadId; }
    public void setLeadId(Long leadId) { this.leadId = leadId; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getCampaign() { return campaign; }
    public void setCampaign(String campaign) { this.campaign = campaign; }
    public String getIndustry() { return industry; }
    public void setIndustry(String industry) { this.industry = industry; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }

    public boolean isClosed() {
        return state != StageKind.OPEN;
    }

    public Long getProductId() { return productId; }
    public void setProductId(Long productId) { this.productId = productId; }
    public LocalDate getEngagedOn() { return engagedOn; }
    public void setEngagedOn(LocalDate engagedOn) { this.engagedOn = engagedOn; }
}
