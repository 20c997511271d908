package org.salesbench.ui.internal.help;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.Platform;
import org.eclipse.help.HelpSystem;
import org.eclipse.help.IContext;
import org.eclipse.help.IHelpResource;
import org.eclipse.help.IToc;
import org.eclipse.help.ITopic;
import org.osgi.framework.Bundle;

/**
 * The user guide as the help system declares it: the tables of contents ({@code org.eclipse.help.toc}) and the context
 * ids of the views ({@code org.eclipse.help.contexts}, a view's context id being its view id), with each page read from
 * its bundle in the user's language ({@code nl/zh/CN/…} for Chinese).
 */
public final class Guide {

    /** The first page on the first start. */
    public static final String WELCOME = "/org.salesbench.ui/help/welcome.html";

    /** One entry of the contents: its label, its page and its sub-entries. */
    public record Entry(String label, String href, List<Entry> children) {
    }

    private Guide() {
    }

    /** The contents of every installed guide. */
    public static List<Entry> contents() {
        List<Entry> entries = new ArrayList<>();
        for (IToc toc : HelpSystem.getTocs()) {
            ITopic top = toc.getTopic(null);
            entries.add(new Entry(toc.getLabel(), top == null ? null : top.getHref(), children(toc.getTopics())));
        }
        return entries;
    }

    private static List<Entry> children(ITopic[] topics) {
        List<Entry> entries = new ArrayList<>();
        for (ITopic topic : topics) {
            entries.add(new Entry(topic.getLabel(), topic.getHref(), children(topic.getSubtopics())));
        }
        return entries;
    }

    /** The guide's page on the view {@code viewId}, if the guide has one. */
    public static Optional<String> pageFor(String viewId) {
        IContext context = viewId == null || !viewId.contains(".") ? null : HelpSystem.getContext(viewId);
        if (context == null) {
            return Optional.empty();
        }
        IHelpResource[] topics = context.getRelatedTopics();
        return topics == null || topics.length == 0 ? Optional.empty() : Optional.ofNullable(topics[0].getHref());
    }

    /** The page's HTML ({@code /bundle/path}, an anchor or query ignored), in the user's language where translated. */
    public static Optional<String> read(String href) {
        if (href == null || !href.startsWith("/")) {
            return Optional.empty();
        }
        String path = href.replaceFirst("[?#].*$", "").substring(1);
        int slash = path.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        Bundle bundle = Platform.getBundle(path.substring(0, slash));
        if (bundle == null) {
            return Optional.empty();
        }
        URL url = FileLocator.find(bundle, IPath.fromPortableString("$nl$/" + path.substring(slash + 1)), null);
        if (url == null) {
            return Optional.empty();
        }
        try (InputStream in = url.openStream()) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
