package org.salesbench.ui.forms;

import org.eclipse.jface.resource.ColorDescriptor;
import org.eclipse.jface.resource.ResourceManager;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;

/**
 * Colours that follow the theme: a view that tints or highlights mixes its accent into the background the theme gave the
 * control, instead of fixing a light colour that a dark theme would leave bright with light text on it.
 */
public final class Colours {

    private Colours() {
    }

    /** Whether the colour is dark (relative luminance under a half): light text is drawn on it. */
    public static boolean isDark(RGB rgb) {
        return (0.2126 * rgb.red + 0.7152 * rgb.green + 0.0722 * rgb.blue) / 255 < 0.5;
    }

    /** {@code base} moved {@code amount} (0 to 1) of the way to {@code accent}. */
    public static RGB mix(RGB base, RGB accent, double amount) {
        return new RGB(channel(base.red, accent.red, amount), channel(base.green, accent.green, amount), channel(base.blue, accent.blue, amount));
    }

    private static int channel(int from, int to, double amount) {
        return (int) Math.round(from + (to - from) * Math.max(0, Math.min(1, amount)));
    }

    /** {@link #mix} as a colour the manager disposes of. */
    public static Color mix(ResourceManager resources, Color base, RGB accent, double amount) {
        return resources.create(ColorDescriptor.createFrom(mix(base.getRGB(), accent, amount)));
    }
}
