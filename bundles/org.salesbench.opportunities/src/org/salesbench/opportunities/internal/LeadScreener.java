package org.salesbench.opportunities.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.eclipse.osgi.util.NLS;
import org.salesbench.core.validation.Decimals;
import org.salesbench.customers.Contact;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.DuplicateCandidate;
import org.salesbench.opportunities.DuplicateReason;
import org.salesbench.opportunities.Lead;
import org.salesbench.opportunities.LeadDuplicate;
import org.salesbench.opportunities.LeadDuplicate.Kind;
import org.salesbench.opportunities.LeadScreening;
import org.salesbench.opportunities.ScoringRule;
import org.salesbench.opportunities.ScoringRuleKind;
import org.salesbench.persistence.MaskingViews;

/**
 * Screening of one (prepared) lead: the configured rules give points, the grade rules turn the
 * score into a grade, and existing customers (through the customer service's own duplicate check
 * plus contact e-mails) and leads matching the normalised name, phone, e-mail or credit code are
 * listed.
 */
final class LeadScreener {

    private LeadScreener() {
    }

    static LeadScreening screen(EntityManager em, CustomerService customers, Lead lead) {
        List<LeadDuplicate> duplicates = duplicates(em, customers, lead);
        List<ScoringRule> rules = em.createQuery("SELECT r FROM ScoringRule r ORDER BY r.id", ScoringRule.class).getResultList();
        List<Long> customerIds = duplicates.stream().filter(d -> d.kind() == Kind.CUSTOMER).map(LeadDuplicate::id).toList();
        boolean wonBefore = !customerIds.isEmpty() && ((Number) MaskingViews.query(em, "SELECT COUNT(*) FROM {SB_OPPORTUNITY} WHERE STATE = 'WON' AND DELETED_AT IS NULL AND CUSTOMER_ID IN ("
                + String.join(", ", customerIds.stream().map(String::valueOf).toList()) + ")").getSingleResult()).longValue() > 0;
        int score = 0;
        List<String> reasons = new ArrayList<>();
        for (ScoringRule rule : rules) {
            if (rule.getKind() != ScoringRuleKind.GRADE && matches(em, rule, lead, !customerIds.isEmpty(), wonBefore)) {
                score += rule.getPoints();
                reasons.add(NLS.bind(Messages.Screening_rule, new Object[] { kindLabel(rule.getKind()), rule.getValue() == null ? "" : rule.getValue(),
                        rule.getPoints() }).replace("  ", " "));
            }
        }
        int finalScore = score;
        String grade = rules.stream().filter(r -> r.getKind() == ScoringRuleKind.GRADE && finalScore >= r.getPoints())
                .max(Comparator.comparingInt(ScoringRule::getPoints)).map(ScoringRule::getValue).orElse(null);
        return new LeadScreening(score, grade, List.copyOf(reasons), duplicates);
    }

    private static boolean matches(EntityManager em, ScoringRule rule, Lead lead, boolean existingCustomer, boolean wonBefore) {
        String value = rule.getValue() == null ? "" : rule.getValue().strip();
        return switch (rule.getKind()) {
            case INDUSTRY -> lead.getIndustry() != null && IndustryCodes.same(em, lead.getIndustry(), value);
            case SIZE -> lead.getSize() != null && lead.getSize().equalsIgnoreCase(value);
            case NEED_KEYWORD -> !value.isEmpty() && lead.getNeed() != null
                    && lead.getNeed().toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT));
            case SOURCE -> lead.getSource() != null && lead.getSource().equalsIgnoreCase(value);
            case BUDGET_AT_LEAST -> lead.getBudget() != null && isNumber(value) && lead.getBudget().getAmount().compareTo(Decimals.parse(value)) >= 0;
            case EXISTING_CUSTOMER -> existingCustomer;
            case WON_BEFORE -> wonBefore;
            case GRADE -> false;
        };
    }

    static boolean isNumber(String value) {
        try {
            Decimals.parse(value.strip());
            return true;
        } catch (NumberFormatException | NullPointerException e) {
            return false;
        }
    }

    static String kindLabel(ScoringRuleKind kind) {
        return switch (kind) {
            case INDUSTRY -> Messages.Lead_industry;
            case SIZE -> Messages.Lead_size;
            case NEED_KEYWORD -> Messages.Lead_need;
            case SOURCE -> Messages.Lead_source;
            case BUDGET_AT_LEAST -> Messages.Lead_budget;
            case EXISTING_CUSTOMER -> Messages.Scoring_existingCustomer;
            case WON_BEFORE -> Messages.Scoring_wonBefore;
            case GRADE -> Messages.Scoring_grade;
        };
    }

    private static List<LeadDuplicate> duplicates(EntityManager em, CustomerService customers, Lead lead) {
        Map<String, LeadDuplicate> found = new LinkedHashMap<>();
        // customers, through the customers module's own rules (credit code, a contact's phone or e-mail, folded name)
        Customer probe = new Customer(lead.getCompany());
        probe.setCreditCode(lead.getCreditCode());
        if (lead.getPhone() != null || lead.getEmail() != null) {
            Contact contact = new Contact(lead.getContactName() == null ? "?" : lead.getContactName());
            if (lead.getPhone() != null) {
                contact.getPhones().add(lead.getPhone());
            }
            if (lead.getEmail() != null) {
                contact.getEmails().add(lead.getEmail());
            }
            probe.addContact(contact);
        }
        List<LeadDuplicate> customerMatches = new ArrayList<>();
        for (DuplicateCandidate c : customers.findDuplicates(probe)) {
            customerMatches.add(new LeadDuplicate(Kind.CUSTOMER, c.id(), c.name(), DuplicateReason.valueOf(c.reason().name()), c.matchedValue()));
        }
        customerMatches.sort(Comparator.comparing(LeadDuplicate::reason));
        customerMatches.forEach(d -> found.putIfAbsent("C" + d.id(), d));
        // other leads, by the columns the service keeps folded
        List<LeadDuplicate> leadMatches = new ArrayList<>();
        leadMatches(em, leadMatches, lead, "CREDIT_CODE", lead.getCreditCode(), DuplicateReason.CREDIT_CODE);
        leadMatches(em, leadMatches, lead, "PHONE_DIGITS", lead.getPhoneDigits(), DuplicateReason.PHONE);
        leadMatches(em, leadMatches, lead, "EMAIL", lead.getEmail(), DuplicateReason.EMAIL);
        leadMatches(em, leadMatches, lead, "NORMALIZED_COMPANY", lead.getNormalizedCompany(), DuplicateReason.NAME);
        leadMatches.forEach(d -> found.putIfAbsent("L" + d.id(), d));
        return List.copyOf(found.values());
    }

    private static void leadMatches(EntityManager em, List<LeadDuplicate> out, Lead lead, String column, String value, DuplicateReason reason) {
        if (value == null || value.isEmpty() || (reason == DuplicateReason.PHONE && value.length() < 5)) {
            return;
        }
        for (Object row : MaskingViews.query(em, "SELECT ID, COMPANY FROM {SB_LEAD} WHERE DELETED_AT IS NULL AND " + column + " = ?").setParameter(1, value).getResultList()) {
            Object[] r = (Object[]) row;
            long id = ((Number) r[0]).longValue();
            if (lead.getId() == null || id != lead.getId()) {
                out.add(new LeadDuplicate(Kind.LEAD, id, (String) r[1], reason, value));
            }
        }
    }

}
