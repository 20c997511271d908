package org.salesbench.documents.internal.templates;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.DefaultMustacheVisitor;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheVisitor;
import com.github.mustachejava.TemplateContext;

/**
 * The tags of a template as Mustache's own parser reads them, each with its line, sections with the tags inside
 * them: what checking a template walks. Partials, inheritance and pragmas are recorded as unsupported.
 */
final class TemplateTags {

    enum Kind {
        VALUE, RAW_VALUE, SECTION, INVERTED, UNSUPPORTED
    }

    record Tag(Kind kind, String name, int line, List<Tag> inside) {
    }

    /** Tags, or the parser's refusal. */
    record Scan(List<Tag> tags, int errorLine, String error) {
        boolean failed() {
            return error != null;
        }
    }

    private static final Pattern LINE_IN_MESSAGE = Pattern.compile("@\\[[^:\\]]*:(\\d+)\\]|:(\\d+)\\s*$");

    private TemplateTags() {
    }

    static Scan scan(String template) {
        RecordingFactory factory = new RecordingFactory();
        try {
            Mustache root = factory.compile(new StringReader(template), "template");
            Recorder recorder = factory.recorders.get(root);
            return new Scan(recorder == null ? List.of() : recorder.tags, 0, null);
        } catch (MustacheException e) {
            return new Scan(List.of(), line(e), e.getMessage());
        }
    }

    private static int line(MustacheException e) {
        if (e.getContext() != null) {
            return e.getContext().line();
        }
        Matcher m = LINE_IN_MESSAGE.matcher(String.valueOf(e.getMessage()));
        int line = 0;
        while (m.find()) {
            line = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return line;
    }

    /** Gives every compiled piece's recorder, so a section's tags can be found from its Mustache. */
    private static final class RecordingFactory extends DefaultMustacheFactory {
        final Map<Mustache, Recorder> recorders = new IdentityHashMap<>();

        @Override
        public MustacheVisitor createMustacheVisitor() {
            return new Recorder(this);
        }
    }

    private static final class Recorder extends DefaultMustacheVisitor {
        final List<Tag> tags = new ArrayList<>();
        private final RecordingFactory factory;

        Recorder(RecordingFactory factory) {
            super(factory);
            this.factory = factory;
        }

        private List<Tag> inside(Mustache mustache) {
            Recorder recorder = factory.recorders.get(mustache);
            return recorder == null ? List.of() : recorder.tags;
        }

        @Override
        public Mustache mustache(TemplateContext tc) {
            Mustache mustache = super.mustache(tc);
            factory.recorders.put(mustache, this);
            return mustache;
        }

        @Override
        public void value(TemplateContext tc, String variable, boolean encoded) {
            tags.add(new Tag(encoded ? Kind.VALUE : Kind.RAW_VALUE, variable, tc.line(), List.of()));
            super.value(tc, variable, encoded);
        }

        @Override
        public void iterable(TemplateContext tc, String variable, Mustache mustache) {
            tags.add(new Tag(Kind.SECTION, variable, tc.line(), inside(mustache)));
            super.iterable(tc, variable, mustache);
        }

        @Override
        public void notIterable(TemplateContext tc, String variable, Mustache mustache) {
            tags.add(new Tag(Kind.INVERTED, variable, tc.line(), inside(mustache)));
            super.notIterable(tc, variable, mustache);
        }

        @Override
        public void partial(TemplateContext tc, String variable, String indent) {
            unsupported(tc, ">" + variable);
        }

        @Override
        public void dynamicPartial(TemplateContext tc, String variable, String indent) {
            unsupported(tc, ">*" + variable);
        }

        @Override
        public void extend(TemplateContext tc, String variable, Mustache mustache) {
            unsupported(tc, "<" + variable);
        }

        @Override
        public void name(TemplateContext tc, String variable, Mustache mustache) {
            unsupported(tc, "$" + variable);
        }

        @Override
        public void checkName(TemplateContext tc, String variable, Mustache mustache) {
            unsupported(tc, "?" + variable);
        }

        @Override
        public void pragma(TemplateContext tc, String pragma, String args) {
            unsupported(tc, "%" + pragma);
        }

        private void unsupported(TemplateContext tc, String tag) {
            tags.add(new Tag(Kind.UNSUPPORTED, tag, tc.line(), List.of()));
        }
    }
}
