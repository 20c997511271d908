package org.salesbench.documents.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.eclipse.osgi.util.NLS;
import org.salesbench.documents.DocumentException;
import org.salesbench.documents.Messages;

/**
 * Finds the CJK font to embed: a file named by {@value #FONT_PROPERTY}, else the WenQuanYi Micro Hei shipped in
 * this bundle, else a well-known TrueType CJK font of the operating system. Only fonts with TrueType outlines
 * qualify (PDFBox embeds CFF-based OpenType, such as Noto CJK, only as a whole, not as a Type0 subset).
 * The file's bytes are read once and kept; each document parses its own {@link TrueTypeFont}, because a parsed
 * font reads its tables lazily and is not safe to share between threads.
 */
public final class CjkFontSource {

    public static final String FONT_PROPERTY = "salesbench.documents.font";
    static final String BUNDLED_FONT = "/fonts/wqy-microhei.ttc";
    /** Inside a collection, the proportional face (the collection also holds a monospaced one). */
    static final String PREFERRED_FACE = "WenQuanYiMicroHei";
    /** A character every usable font must have. */
    private static final int PROBE = '中';

    static final List<Path> SYSTEM_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/ukai.ttc"),
            Path.of("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"),
            Path.of("C:/Windows/Fonts/msyh.ttc"),
            Path.of("C:/Windows/Fonts/simsun.ttc"),
            Path.of("/Library/Fonts/Arial Unicode.ttf"));

    /** The font file's content and a description of where it came from. */
    public record FontData(byte[] bytes, String origin) {
    }

    private static final CjkFontSource SHARED = new CjkFontSource();

    private volatile FontData cached;

    /** The one source of this installation, so the font file is found and read once for PDFs and charts alike. */
    public static CjkFontSource shared() {
        return SHARED;
    }

    public FontData fontData() throws DocumentException {
        FontData data = cached;
        if (data == null) {
            synchronized (this) {
                data = cached;
                if (data == null) {
                    data = locate();
                    cached = data;
                }
            }
        }
        return data;
    }

    private FontData locate() throws DocumentException {
        String configured = System.getProperty(FONT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            // a font the user asked for must work: say why it does not rather than quietly use another
            return checked(read(Path.of(configured.trim())));
        }
        List<String> rejected = new ArrayList<>();
        try (InputStream in = CjkFontSource.class.getResourceAsStream(BUNDLED_FONT)) {
            if (in != null) {
                FontData bundled = new FontData(in.readAllBytes(), "bundle:" + BUNDLED_FONT);
                return checked(bundled);
            }
        } catch (IOException | DocumentException e) {
            rejected.add(e.getMessage());
        }
        for (Path candidate : SYSTEM_FONTS) {
            if (Files.isReadable(candidate)) {
                try {
                    return checked(read(candidate));
                } catch (DocumentException e) {
                    rejected.add(e.getMessage());
                }
            }
        }
        String message = NLS.bind(Messages.Font_notFound, FONT_PROPERTY);
        throw new DocumentException(rejected.isEmpty() ? message : message + " " + String.join("; ", rejected));
    }

    private static FontData read(Path file) throws DocumentException {
        try {
            return new FontData(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new DocumentException(NLS.bind(Messages.Font_unusable, file, e.toString()), e);
        }
    }

    private static FontData checked(FontData data) throws DocumentException {
        try (OpenedFont font = open(data)) {
            return data;
        }
    }

    /** Parses the font (choosing the preferred face of a collection) and checks it can be embedded as a subset. */
    public static OpenedFont open(FontData data) throws DocumentException {
        try {
            if (isCollection(data.bytes())) {
                TrueTypeCollection collection = new TrueTypeCollection(new ByteArrayInputStream(data.bytes()));
                try {
                    TrueTypeFont face = collection.getFontByName(PREFERRED_FACE);
                    if (face == null) {
                        List<TrueTypeFont> faces = new ArrayList<>();
                        collection.processAllFonts(faces::add);
                        face = faces.stream().filter(CjkFontSource::hasTrueTypeOutlines).findFirst().orElse(null);
                    }
                    if (face == null) {
                        throw new IOException("no face with TrueType outlines (CFF-based OpenType faces cannot be embedded as a subset)");
                    }
                    return new OpenedFont(verified(face, data), collection);
                } catch (IOException | RuntimeException e) {
                    collection.close();
                    throw e;
                }
            }
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(data.bytes()));
            try {
                return new OpenedFont(verified(font, data), font);
            } catch (IOException | RuntimeException e) {
                font.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            // a damaged file can fail anywhere in the parser, not only with an IOException
            throw new DocumentException(NLS.bind(Messages.Font_unusable, data.origin(), e.getMessage()), e);
        }
    }

    private static TrueTypeFont verified(TrueTypeFont font, FontData data) throws IOException {
        if (!hasTrueTypeOutlines(font)) {
            throw new IOException("CFF outlines (OpenType/CFF) cannot be embedded as a subset");
        }
        if (font.getUnicodeCmapLookup().getGlyphId(PROBE) == 0) {
            throw new IOException("no Chinese characters");
        }
        return font;
    }

    private static boolean hasTrueTypeOutlines(TrueTypeFont font) {
        try {
            return !(font instanceof OpenTypeFont otf && otf.isPostScript()) && font.getGlyph() != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isCollection(byte[] bytes) {
        return bytes.length > 4 && bytes[0] == 't' && bytes[1] == 't' && bytes[2] == 'c' && bytes[3] == 'f';
    }

    /** A parsed face and what must be closed after the document that uses it has been saved. */
    public record OpenedFont(TrueTypeFont font, AutoCloseable owner) implements AutoCloseable {
        @Override
        public void close() {
            try {
                owner.close();
            } catch (Exception e) {
                // closing an in-memory font cannot lose data
            }
        }
    }
}
