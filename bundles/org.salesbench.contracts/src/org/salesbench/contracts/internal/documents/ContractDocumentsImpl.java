package org.salesbench.contracts.internal.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;

import jakarta.persistence.EntityManager;
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
import org.salesbench.contracts.ContractTemplate;
import org.salesbench.core.settings.TeamSettings;
import org.salesbench.contracts.internal.Messages;
import org.salesbench.contracts.receivables.ReceivablesService;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.documents.DocumentException;
import org.salesbench.documents.templates.DocumentTemplates;
import org.salesbench.documents.templates.TemplateException;
import org.salesbench.persistence.UnitOfWork;

/**
 * Contract templates: the shipped ones in the bundle's {@code templates/}, this installation's named ones in
 * {@code SB_CONTRACT_DOC_TEMPLATE} ({@link StoredTemplate}), checked by the documents module before they are stored; the
 * default of each language in the team settings ({@link ContractTemplateSettings}).
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

    /** The shipped template's id of the language. */
    private static long shippedId(String lang) {
        return "zh_CN".equals(lang(lang)) ? ContractTemplate.SHIPPED_ZH : ContractTemplate.SHIPPED_EN;
    }

    private static String shippedName(long id) {
        return id == ContractTemplate.SHIPPED_ZH ? "shipped-zh_CN" : "shipped-en";
    }

    private static String settingOf(String lang) {
        return "zh_CN".equals(lang(lang)) ? DEFAULT_ZH : DEFAULT_EN;
    }

    /** The id of the language's default: the team setting's template if it is there, else the upgraded own one, else the shipped one. */
    private long defaultId(EntityManager em, String lang) {
        String key = lang(lang);
        TeamSettings settings = teamSettings;
        if (settings != null) {
            Optional<Integer> chosen = settings.stored(settingOf(key));
            if (chosen.isPresent()) {
                long id = chosen.get();
                if (id == shippedId(key)) {
                    return id;
                }
                StoredTemplate stored = id > 0 ? em.find(StoredTemplate.class, id) : null;
                if (stored != null && stored.getLang().equals(key)) {
                    return id;
                }
            }
        }
        return em.createQuery("SELECT t.id FROM StoredTemplate t WHERE t.lang = :lang AND t.fallback = TRUE ORDER BY t.id", Long.class)
                .setParameter("lang", key).setMaxResults(1).getResultList().stream().findFirst().orElse(shippedId(key));
    }

    private static ContractTemplate shipped(long id, boolean isDefault) {
        return new ContractTemplate(id, shippedName(id), id == ContractTemplate.SHIPPED_ZH ? "zh_CN" : "en", true, isDefault, null, null);
    }

    private static ContractTemplate view(StoredTemplate t, boolean isDefault) {
        return new ContractTemplate(t.getId(), t.getName(), t.getLang(), false, isDefault, t.getUpdatedBy(), t.getUpdatedAt());
    }

    @Override
    public List<ContractTemplate> templates() {
        return unitOfWork.read(em -> {
            long en = defaultId(em, "en");
            long zh = defaultId(em, "zh_CN");
            List<ContractTemplate> all = new ArrayList<>();
            all.add(shipped(ContractTemplate.SHIPPED_EN, en == ContractTemplate.SHIPPED_EN));
            all.add(shipped(ContractTemplate.SHIPPED_ZH, zh == ContractTemplate.SHIPPED_ZH));
            for (StoredTemplate t : em.createQuery("SELECT t FROM StoredTemplate t ORDER BY t.lang, t.nameKey", StoredTemplate.class).getResultList()) {
                all.add(view(t, t.getId() == en || t.getId() == zh));
            }
            return all;
        });
    }

    @Override
    public Optional<ContractTemplate> findTemplate(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String key = StoredTemplate.key(name);
        return templates().stream().filter(t -> StoredTemplate.key(t.name()).equals(key)).findFirst();
    }

    @Override
    public Optional<ContractTemplate> findTemplate(long id) {
        return templates().stream().filter(t -> t.id() == id).findFirst();
    }

    @Override
    public String templateBody(long id) {
        if (id == ContractTemplate.SHIPPED_EN || id == ContractTemplate.SHIPPED_ZH) {
            return shippedTemplate(id == ContractTemplate.SHIPPED_ZH ? "zh_CN" : "en");
        }
        return unitOfWork.read(em -> {
            StoredTemplate t = em.find(StoredTemplate.class, id);
            if (t == null) {
                throw notFound(String.valueOf(id));
            }
            return t.getBody();
        });
    }

    private static ValidationException notFound(String what) {
        return new ValidationException(List.of(new FieldError("template", NLS.bind(Messages.Template_notFound, what), what)));
    }

    @Override
    public ContractTemplate defaultTemplate(String lang) {
        long id = unitOfWork.read(em -> defaultId(em, lang));
        return findTemplate(id).orElseGet(() -> shipped(shippedId(lang), true));
    }

    @Override
    public String template(String lang) {
        return templateBody(defaultTemplate(lang).id());
    }

    @Override
    public void setDefaultTemplate(long id) {
        security.check(Action.UPDATE, TEMPLATE_ENTITY, null);
        ContractTemplate chosen = findTemplate(id).orElseThrow(() -> notFound(String.valueOf(id)));
        TeamSettings settings = teamSettings;
        if (settings == null) {
            throw new IllegalStateException(Messages.Template_noTeamSettings);
        }
        if (id > Integer.MAX_VALUE) {
            throw new IllegalStateException("template id " + id + " does not fit a team setting");
        }
        settings.set(settingOf(chosen.lang()), (int) id);
    }

    /** The name stripped, refused when blank, too long, reserved or taken by another template (any letter case). */
    private static String checkedName(EntityManager em, String name, Long self) {
        String stripped = name == null ? "" : name.strip();
        String message = null;
        if (stripped.isEmpty()) {
            message = Messages.Template_nameBlank;
        } else if (stripped.length() > 100) {
            message = NLS.bind(Messages.Template_nameTooLong, stripped);
        } else if (StoredTemplate.key(stripped).startsWith("shipped-")) {
            message = NLS.bind(Messages.Template_nameReserved, stripped);
        } else if (em.createQuery("SELECT t.id FROM StoredTemplate t WHERE t.nameKey = :key", Long.class).setParameter("key", StoredTemplate.key(stripped))
                .getResultList().stream().anyMatch(other -> !other.equals(self))) {
            message = NLS.bind(Messages.Template_nameTaken, stripped);
        }
        if (message != null) {
            throw new ValidationException(List.of(new FieldError("name", message, name)));
        }
        return stripped;
    }

    /** {@code en} or {@code zh_CN} (any {@code en…}/{@code zh…} form); refused otherwise. */
    private static String checkedLang(String lang) {
        String l = lang == null ? "" : lang.strip().toLowerCase(Locale.ROOT);
        if (l.equals("en") || l.startsWith("en_") || l.startsWith("en-")) {
            return "en";
        }
        if (l.equals("zh") || l.startsWith("zh_") || l.startsWith("zh-")) {
            return "zh_CN";
        }
        throw new ValidationException(List.of(new FieldError("lang", NLS.bind(Messages.Template_badLang, lang), lang)));
    }

    /** An own template for a change: not found and the shipped ones refused, naming it. */
    private static StoredTemplate own(EntityManager em, long id) {
        if (id == ContractTemplate.SHIPPED_EN || id == ContractTemplate.SHIPPED_ZH) {
            throw new ValidationException(List.of(new FieldError("template", NLS.bind(Messages.Template_shippedReadOnly, shippedName(id)), id)));
        }
        StoredTemplate t = em.find(StoredTemplate.class, id);
        if (t == null) {
            throw notFound(String.valueOf(id));
        }
        return t;
    }

    @Override
    public ContractTemplate createTemplate(String name, String lang, String body) {
        security.check(Action.UPDATE, TEMPLATE_ENTITY, null);
        String key = checkedLang(lang);
        checked(body);
        long id = unitOfWork.write(em -> {
            StoredTemplate t = new StoredTemplate(checkedName(em, name, null), key, body);
            em.persist(t);
            em.flush();
            return t.getId();
        });
        return findTemplate(id).orElseThrow();
    }

    @Override
    public ContractTemplate updateTemplate(long id, String body) {
        security.check(Action.UPDATE, TEMPLATE_ENTITY, null);
        unitOfWork.write(em -> {
            StoredTemplate t = own(em, id);
            checked(body);
            t.setBody(body);
            return null;
        });
        return findTemplate(id).orElseThrow();
    }

    @Override
    public ContractTemplate renameTemplate(long id, String name) {
        security.check(Action.UPDATE, TEMPLATE_ENTITY, null);
        unitOfWork.write(em -> {
            StoredTemplate t = own(em, id);
            t.setName(checkedName(em, name, id));
            return null;
        });
        return findTemplate(id).orElseThrow();
    }

    @Override
    public void deleteTemplate(long id) {
        security.check(Action.UPDATE, TEMPLATE_ENTITY, null);
        unitOfWork.write(em -> {
            em.remove(own(em, id));
            return null;
        });
    }

    /** The team settings the default templates are kept in (optional, DS: the users module's). */
    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    private volatile TeamSettings teamSettings;

    /** Sets the team settings the defaults are kept in (tests, tools). */
    public void setTeamSettings(TeamSettings teamSettings) {
        this.teamSettings = teamSettings;
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

    /** Where generated documents are archived (optional, DS: contracts' own attachments service). */
    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    private volatile org.salesbench.contracts.ContractAttachments attachments;

    /** Sets where generated documents are archived (tests, tools). */
    public void setAttachments(org.salesbench.contracts.ContractAttachments attachments) {
        this.attachments = attachments;
    }

    @Override
    public org.salesbench.contracts.ContractAttachment archivePdf(long contractId, long templateId) throws DocumentException {
        org.salesbench.contracts.ContractAttachments archive = attachments;
        if (archive == null) {
            throw new IllegalStateException("no contract attachments service");
        }
        Contract contract = contracts.find(contractId).orElseThrow(() -> new ValidationException(
                List.of(new FieldError("id", NLS.bind(Messages.Contract_notFound, contractId), contractId))));
        security.check(Action.UPDATE, Contract.ENTITY, contract.getOwner());
        ContractTemplate template = findTemplate(templateId).orElseThrow(() -> notFound(String.valueOf(templateId)));
        String body = templateBody(templateId);
        Path temporary = null;
        try {
            temporary = java.nio.file.Files.createTempFile("contract-", ".pdf");
            templates.renderPdf(SUBJECT, body, new ContractDocument(contract, money.plan(contractId)), null, temporary);
            byte[] pdf = java.nio.file.Files.readAllBytes(temporary);
            return archive.attach(contractId, org.salesbench.contracts.ContractAttachments.KIND_DOCUMENT,
                    contract.getNumber() + "-" + template.lang() + ".pdf", "application/pdf", pdf);
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
    public void renderPdf(long contractId, long templateId, Path target) throws DocumentException {
        Contract contract = contracts.find(contractId).orElseThrow(() -> new ValidationException(
                List.of(new FieldError("id", NLS.bind(Messages.Contract_notFound, contractId), contractId))));
        templates.renderPdf(SUBJECT, templateBody(templateId), new ContractDocument(contract, money.plan(contractId)), null, target);
    }
}
