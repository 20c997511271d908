package org.salesbench.contracts.internal.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractDocuments;
import org.salesbench.contracts.ContractService;
import org.salesbench.contracts.internal.Messages;
import org.salesbench.contracts.receivables.ReceivablesService;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.documents.DocumentException;
import org.salesbench.documents.templates.DocumentTemplates;
import org.salesbench.documents.templates.TemplateException;
import org.salesbench.persistence.UnitOfWork;

/**
 * Contract templates: the shipped ones in the bundle's {@code templates/}, this installation's in
 * {@code SB_CONTRACT_TEMPLATE} (one row per language), checked by the documents module before they are stored.
 */
@Component(service = ContractDocuments.class)
public class ContractDocumentsImpl implements ContractDocuments {

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    private final ContractService contracts;
    private final ReceivablesService money;
    private final DocumentTemplates templates;

    @Activate
    public ContractDocumentsImpl(@Reference UnitOfWork unitOfWork, @Reference SecurityService security, @Reference ContractService contracts,
            @Reference ReceivablesService money, @Reference DocumentTemplates templates) {
        this.unitOfWork = unitOfWork;
        this.security = security;
        this.contracts = contracts;
        this.money = money;
        this.templates = templates;
    }

    /** {@code zh_CN} for any Chinese, else {@code en}. */
    static String lang(String lang) {
        String l = lang == null || lang.isBlank() ? Locale.getDefault().toString() : lang.strip();
        return l.toLowerCase(Locale.ROOT).startsWith("zh") ? "zh_CN" : "en";
    }

    @Override
    public String shippedTemplate(String lang) {
        String resource = "/templates/contract" + ("zh_CN".equals(lang(lang)) ? "_zh_CN" : "") + ".mustache";
        try (InputStream in = ContractDocumentsImpl.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The contracts bundle lacks " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(resource, e);
        }
    }

    @Override
    public String template(String lang) {
        return stored(lang(lang)).orElseGet(() -> shippedTemplate(lang));
    }

    @Override
    public boolean isCustomised(String lang) {
        return stored(lang(lang)).isPresent();
    }

    private java.util.Optional<String> stored(String lang) {
        return unitOfWork.read(em -> em.createNativeQuery("SELECT BODY FROM SB_CONTRACT_TEMPLATE WHERE LANG = ?").setParameter(1, lang).getResultList()
                .stream().findFirst().map(ContractDocumentsImpl::text));
    }

    private static String text(Object body) {
        if (body instanceof java.sql.Clob clob) {
            try {
                return clob.getSubString(1, (int) clob.length());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return body instanceof char[] chars ? new String(chars) : String.valueOf(body);
    }

    @Override
    public boolean mayEditTemplates() {
        return security.isPermitted(Action.UPDATE, TEMPLATE_ENTITY, null);
    }

    @Override
    public void previewPdf(long contractId, String template, Path target) throws DocumentException {
        checked(template);
        Contract contract = contracts.find(contractId).orElseThrow(() -> new ValidationException(
                List.of(new FieldError("id", NLS.bind(Messages.Contract_notFound, contractId), contractId))));
        templates.renderPdf(SUBJECT, template, new ContractDocument(contract, money.plan(contractId)), null, target);
    }

    /** Refuses an empty template or one with problems, naming each one and its line. */
    private void checked(String template) {
        if (template == null || template.isBlank()) {
            throw new ValidationException(List.of(new FieldError("template", Messages.Template_empty, template)));
        }
        try {
            templates.check(SUBJECT, template);
        } catch (TemplateException e) {
            throw new ValidationException(e.problems().stream()
                    .map(p -> new FieldError("template", NLS.bind(Messages.Template_problem, p.line(), p.message()), p.line())).collect(Collectors.toList()));
        }
    }

    @Override
    public void saveTemplate(String lang, String template) {
        security.check(Action.UPDATE, TEMPLATE_ENTITY, null);
        checked(template);
        String key = lang(lang);
        unitOfWork.write(em -> {
            em.createNativeQuery("DELETE FROM SB_CONTRACT_TEMPLATE WHERE LANG = ?").setParameter(1, key).executeUpdate();
            em.createNativeQuery("INSERT INTO SB_CONTRACT_TEMPLATE (LANG, BODY, UPDATED_AT, UPDATED_BY) VALUES (?, ?, ?, ?)").setParameter(1, key)
                    .setParameter(2, template).setParameter(3, Timestamp.from(Clocks.system().instant()))
                    .setParameter(4, security.currentUser().login()).executeUpdate();
            return null;
        });
    }

    @Override
    public void resetTemplate(String lang) {
        security.check(Action.UPDATE, TEMPLATE_ENTITY, null);
        String key = lang(lang);
        unitOfWork.write(em -> em.createNativeQuery("DELETE FROM SB_CONTRACT_TEMPLATE WHERE LANG = ?").setParameter(1, key).executeUpdate());
    }

    /** Where generated documents are archived (optional, DS: contracts' own attachments service). */
    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    private volatile org.salesbench.contracts.ContractAttachments attachments;

    /** Sets where generated documents are archived (tests, tools). */
    public void setAttachments(org.salesbench.contracts.ContractAttachments attachments) {
        this.attachments = attachments;
    }

    @Override
    public org.salesbench.contracts.ContractAttachment archivePdf(long contractId, String lang) throws DocumentException {
        org.salesbench.contracts.ContractAttachments archive = attachments;
        if (archive == null) {
            throw new IllegalStateException("no contract attachments service");
        }
        Contract contract = contracts.find(contractId).orElseThrow(() -> new ValidationException(
                List.of(new FieldError("id", NLS.bind(Messages.Contract_notFound, contractId), contractId))));
        security.check(Action.UPDATE, Contract.ENTITY, contract.getOwner());
        Path temporary = null;
        try {
            temporary = java.nio.file.Files.createTempFile("contract-", ".pdf");
            templates.renderPdf(SUBJECT, template(lang), new ContractDocument(contract, money.plan(contractId)), null, temporary);
            byte[] pdf = java.nio.file.Files.readAllBytes(temporary);
            return archive.attach(contractId, org.salesbench.contracts.ContractAttachments.KIND_DOCUMENT,
                    contract.getNumber() + "-" + lang(lang) + ".pdf", "application/pdf", pdf);
        } catch (IOException e) {
            throw new DocumentException(e.getMessage(), e);
        } finally {
            if (temporary != null) {
                try {
                    java.nio.file.Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // a temporary file only
                }
            }
        }
    }

    @Override
    public void renderPdf(long contractId, String lang, Path target) throws DocumentException {
        Contract contract = contracts.find(contractId).orElseThrow(() -> new ValidationException(
                List.of(new FieldError("id", NLS.bind(Messages.Contract_notFound, contractId), contractId))));
        templates.renderPdf(SUBJECT, template(lang), new ContractDocument(contract, money.plan(contractId)), null, target);
    }
}
