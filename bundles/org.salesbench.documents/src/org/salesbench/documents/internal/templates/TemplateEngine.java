package org.salesbench.documents.internal.templates;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.core.runtime.ILog;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.core.model.Money;
import org.salesbench.core.registry.LazyContribution;
import org.salesbench.documents.CapitalAmounts;
import org.salesbench.documents.Document;
import org.salesbench.documents.DocumentException;
import org.salesbench.documents.DocumentRenderer;
import org.salesbench.documents.internal.templates.TemplateTags.Kind;
import org.salesbench.documents.internal.templates.TemplateTags.Tag;
import org.salesbench.documents.templates.DocumentTemplates;
import org.salesbench.documents.templates.Placeholder;
import org.salesbench.documents.templates.PlaceholderProvider;
import org.salesbench.documents.templates.PlaceholderType;
import org.salesbench.documents.templates.PlaceholderValues;
import org.salesbench.documents.templates.TemplateException;
import org.salesbench.documents.templates.TemplateProblem;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.reflect.SimpleObjectHandler;
import com.github.mustachejava.util.Wrapper;

/** Checks and renders Mustache document templates with the placeholders contributed for their subject. */
@Component(service = DocumentTemplates.class)
public class TemplateEngine implements DocumentTemplates {

    private final DocumentRenderer renderer;

    @Activate
    public TemplateEngine(@Reference DocumentRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public List<Placeholder> placeholders(String subject) {
        Map<String, Placeholder> byName = new LinkedHashMap<>();
        for (PlaceholderContributions.Descriptor d : PlaceholderContributions.forSubject(subject)) {
            for (Placeholder p : d.placeholders()) {
                if (byName.putIfAbsent(p.name(), p) != null) {
                    ILog.of(TemplateEngine.class).warn("Placeholder " + p.name() + " of " + d.provider().contributor() + " for " + subject
                            + " is named by an earlier contribution too; the earlier one is kept");
                }
            }
        }
        return List.copyOf(byName.values());
    }

    @Override
    public List<TemplateProblem> problems(String subject, String template) {
        return problems(subject, TemplateTags.scan(template));
    }

    private List<TemplateProblem> problems(String subject, TemplateTags.Scan scan) {
        if (scan.failed()) {
            return List.of(new TemplateProblem(scan.errorLine(), NLS.bind(Messages.Template_unreadable, scan.errorLine(), scan.error())));
        }
        List<TemplateProblem> problems = new ArrayList<>();
        List<Map<String, Placeholder>> scopes = new ArrayList<>();
        scopes.add(names(placeholders(subject)));
        check(scan.tags(), scopes, problems);
        return problems;
    }

    @Override
    public void check(String subject, String template) throws TemplateException {
        checked(subject, template);
    }

    /** The template's tags, or a TemplateException with all its problems. */
    private List<Tag> checked(String subject, String template) throws TemplateException {
        TemplateTags.Scan scan = TemplateTags.scan(template);
        List<TemplateProblem> problems = problems(subject, scan);
        if (!problems.isEmpty()) {
            throw new TemplateException(problems);
        }
        return scan.tags();
    }

    /** Every placeholder by its name, and a money placeholder by its name.capital too. */
    private static Map<String, Placeholder> names(List<Placeholder> placeholders) {
        Map<String, Placeholder> names = new HashMap<>();
        for (Placeholder p : placeholders) {
            names.put(p.name(), p);
            if (p.type() == PlaceholderType.MONEY) {
                names.put(p.name() + Placeholder.CAPITAL_SUFFIX, p);
            }
        }
        return names;
    }

    private static Placeholder find(List<Map<String, Placeholder>> scopes, String name) {
        for (int i = scopes.size() - 1; i >= 0; i--) {
            Placeholder p = scopes.get(i).get(name);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static void check(List<Tag> tags, List<Map<String, Placeholder>> scopes, List<TemplateProblem> problems) {
        for (Tag tag : tags) {
            Placeholder p = find(scopes, tag.name());
            String shown = "{{" + tag.name() + "}}";
            switch (tag.kind()) {
                case VALUE -> {
                    if (p == null && !(".".equals(tag.name()) && scopes.size() > 1)) {
                        problems.add(problem(tag, Messages.Template_unknownPlaceholder, shown));
                    } else if (p != null && p.type() == PlaceholderType.SECTION) {
                        problems.add(problem(tag, Messages.Template_sectionAsValue, tag.name()));
                    }
                }
                case RAW_VALUE -> problems.add(problem(tag, Messages.Template_rawValue, tag.name()));
                case SECTION, INVERTED -> {
                    if (p == null) {
                        problems.add(problem(tag, Messages.Template_unknownSection, tag.name()));
                        continue;
                    }
                    List<Map<String, Placeholder>> inner = scopes;
                    if (p.type() == PlaceholderType.SECTION && tag.kind() == Kind.SECTION) {
                        inner = new ArrayList<>(scopes);
                        inner.add(names(p.columns()));
                    }
                    check(tag.inside(), inner, problems);
                }
                case UNSUPPORTED -> problems.add(problem(tag, Messages.Template_unsupported, "{{" + tag.name() + "}}"));
            }
        }
    }

    private static TemplateProblem problem(Tag tag, String message, String what) {
        return new TemplateProblem(tag.line(), NLS.bind(message, tag.line(), what));
    }

    // ---- values

    /** The values, and the placeholders left without one because their contribution failed, with its bundle. */
    private record Collected(PlaceholderValues values, Map<String, String> failed) {
    }

    private static Collected collect(String subject, Object record) {
        PlaceholderValues values = new PlaceholderValues();
        Map<String, String> failed = new HashMap<>();
        for (PlaceholderContributions.Descriptor d : PlaceholderContributions.forSubject(subject)) {
            Optional<PlaceholderProvider> provider = d.provider().get();
            boolean supplied = provider.isPresent() && LazyContribution.safeCall(d.provider().contributor() + " placeholders " + d.id(), () -> {
                PlaceholderValues own = new PlaceholderValues();
                provider.get().supply(record, own);
                values.putAll(own);
                return true;
            }, false);
            if (!supplied) {
                d.placeholders().forEach(p -> failed.putIfAbsent(p.name(), d.provider().contributor()));
            }
        }
        return new Collected(values, failed);
    }

    @Override
    public PlaceholderValues values(String subject, Object record) {
        return collect(subject, record).values();
    }

    @Override
    public Document document(String subject, String template, Object record, PlaceholderValues extra) throws DocumentException {
        List<Tag> tags = checked(subject, template);
        Collected collected = collect(subject, record);
        PlaceholderValues values = collected.values();
        if (extra != null) {
            values.putAll(extra);
        }
        Set<String> used = new HashSet<>();
        usedNames(tags, used);
        for (String name : used) {
            String base = name.endsWith(Placeholder.CAPITAL_SUFFIX) ? name.substring(0, name.length() - Placeholder.CAPITAL_SUFFIX.length()) : name;
            String contributor = collected.failed().get(base);
            if (contributor != null && !values.has(base)) {
                throw new DocumentException(NLS.bind(Messages.Template_providerFailed, base, contributor));
            }
        }
        Map<String, String> capitalErrors = new HashMap<>();
        Map<String, Object> model = model(values, capitalErrors);
        for (Map.Entry<String, String> error : capitalErrors.entrySet()) {
            if (used.contains(error.getKey())) {
                throw new DocumentException(NLS.bind(Messages.Template_capital, error.getKey(), error.getValue()));
            }
        }
        StringWriter out = new StringWriter();
        try {
            Mustache mustache = new RenderingFactory().compile(new StringReader(template), subject);
            mustache.execute(out, model).flush();
        } catch (MustacheException | IOException e) {
            throw new DocumentException(NLS.bind(Messages.Template_renderFailed, e.getMessage()), e);
        }
        try {
            return TemplateMarkup.layout(out.toString(), subject, Locale.getDefault());
        } catch (IllegalArgumentException e) {
            throw new DocumentException(NLS.bind(Messages.Template_renderFailed, e.getMessage()), e);
        }
    }

    private static void usedNames(List<Tag> tags, Set<String> used) {
        for (Tag tag : tags) {
            used.add(tag.name());
            usedNames(tag.inside(), used);
        }
    }

    /** What Mustache reads: every value written out as text, money also as name.capital, sections as lists of rows. */
    private static Map<String, Object> model(PlaceholderValues values, Map<String, String> capitalErrors) {
        Map<String, Object> model = new HashMap<>();
        for (Map.Entry<String, Object> e : values.asMap().entrySet()) {
            String name = e.getKey();
            Object value = e.getValue();
            if (value instanceof Money money) {
                model.put(name, figures(money));
                try {
                    model.put(name + Placeholder.CAPITAL_SUFFIX, CapitalAmounts.of(money));
                } catch (IllegalArgumentException ex) {
                    capitalErrors.putIfAbsent(name + Placeholder.CAPITAL_SUFFIX, ex.getMessage());
                }
            } else if (value instanceof LocalDate date) {
                model.put(name, date.toString());
            } else if (value instanceof BigDecimal number) {
                model.put(name, number.stripTrailingZeros().toPlainString());
            } else if (value instanceof List<?> rows) {
                List<Map<String, Object>> maps = new ArrayList<>();
                for (Object row : rows) {
                    maps.add(model((PlaceholderValues) row, capitalErrors));
                }
                model.put(name, maps);
            } else if (value != null) {
                model.put(name, value.toString());
            }
        }
        return model;
    }

    /** ¥12,000.00 for yuan, "USD 1,200.00" for other currencies, as the quote document writes them. */
    static String figures(Money money) {
        Currency currency = Currency.getInstance(money.getCurrency());
        String symbol = Money.DEFAULT_CURRENCY.equals(money.getCurrency()) ? "¥" : money.getCurrency() + " ";
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        DecimalFormat format = new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits), DecimalFormatSymbols.getInstance(Locale.ROOT));
        return symbol + format.format(money.getAmount());
    }

    // ---- output

    @Override
    public void renderPdf(String subject, String template, Object record, PlaceholderValues extra, Path target) throws DocumentException {
        Document document = document(subject, template, record, extra);
        Path absolute = target.toAbsolutePath();
        Path temporary = null;
        try {
            Files.createDirectories(absolute.getParent());
            temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".part");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                renderer.renderPdf(document, out);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
        } catch (IOException e) {
            throw new DocumentException(NLS.bind(org.salesbench.documents.Messages.Document_writeFailed, e.getMessage()), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    ILog.of(TemplateEngine.class).warn("Could not delete " + temporary, e);
                }
            }
        }
    }

    /** Writes values between marks (so the layout never reads them as markup) and looks names up whole ("customer.name"). */
    private static final class RenderingFactory extends DefaultMustacheFactory {
        RenderingFactory() {
            setObjectHandler(new WholeNameHandler());
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(TemplateMarkup.VALUE_START);
                writer.write(value);
                writer.write(TemplateMarkup.VALUE_END);
            } catch (IOException e) {
                throw new MustacheException(e);
            }
        }
    }

    /** A dotted name is one key of the values, not a path: "amount" and "amount.capital" are both plain values. */
    private static final class WholeNameHandler extends SimpleObjectHandler {
        @Override
        public Wrapper find(String name, List<Object> scopes) {
            return current -> {
                for (int i = current.size() - 1; i >= 0; i--) {
                    if (current.get(i) instanceof Map<?, ?> map && map.containsKey(name)) {
                        return map.get(name);
                    }
                }
                return ".".equals(name) && !current.isEmpty() ? current.get(current.size() - 1) : null;
            };
        }
    }
}
