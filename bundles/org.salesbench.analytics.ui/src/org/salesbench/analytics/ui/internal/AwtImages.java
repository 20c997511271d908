package org.salesbench.analytics.ui.internal;

import java.awt.image.BufferedImage;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;

/** Converts what Java2D drew (a chart in a {@link BufferedImage}) into SWT image data. */
public final class AwtImages {

    private AwtImages() {
    }

    /** The pixels of {@code image} as 24-bit SWT image data with its alpha channel. */
    public static ImageData toImageData(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        ImageData data = new ImageData(width, height, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        int[] rgbLine = new int[width];
        byte[] alphaLine = new byte[width];
        for (int y = 0; y < height; y++) {
            int offset = y * width;
            for (int x = 0; x < width; x++) {
                int pixel = argb[offset + x];
                rgbLine[x] = pixel & 0xFFFFFF;
                alphaLine[x] = (byte) (pixel >>> 24);
            }
            data.setPixels(0, y, width, rgbLine, 0);
            data.setAlphas(0, y, width, alphaLine, 0);
        }
        return data;
    }
}
