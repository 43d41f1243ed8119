package org.spectlab.validation.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Tiles images into a grid (e.g. projection views, or the three planes of a volume), each with an
 * optional label in its top-left corner, on a black background with a 2-pixel gap.
 */
public final class Montage {
    private static final int GAP = 2;

    private Montage() {
    }

    /**
     * The montage.
     *
     * @param tiles   images (any sizes; cells are as large as the largest)
     * @param labels  one label per tile, or null for none
     * @param columns tiles per row (&gt;= 1)
     */
    public static BufferedImage of(List<BufferedImage> tiles, List<String> labels, int columns) {
        if (tiles.isEmpty() || columns < 1) {
            throw new IllegalArgumentException("a montage needs tiles and at least one column");
        }
        if (labels != null && labels.size() != tiles.size()) {
            throw new IllegalArgumentException("need one label per tile");
        }
        int cw = 0;
        int ch = 0;
        for (BufferedImage t : tiles) {
            cw = Math.max(cw, t.getWidth());
            ch = Math.max(ch, t.getHeight());
        }
        int cols = Math.min(columns, tiles.size());
        int rows = (tiles.size() + cols - 1) / cols;
        BufferedImage out = new BufferedImage(cols * cw + (cols + 1) * GAP, rows * ch + (rows + 1) * GAP,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            for (int n = 0; n < tiles.size(); n++) {
                int x = GAP + (n % cols) * (cw + GAP);
                int y = GAP + (n / cols) * (ch + GAP);
                g.drawImage(tiles.get(n), x, y, null);
                if (labels != null && !labels.get(n).isEmpty()) {
                    g.setColor(Color.YELLOW);
                    g.drawString(labels.get(n), x + 3, y + 12);
                }
            }
        } finally {
            g.dispose();
        }
        return out;
    }
}
