import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/**
 * Draws the demo shop's product pictures (src/main/resources/demo/images/*.png): one simple flat illustration per
 * product on a soft background of its own, no text, so they look alike on every machine and tell apart at a glance.
 *
 * Run from the repository root with a JDK 17:  java tools/demo-images/DemoImages.java src/main/resources/demo/images
 * The file names are the products' English names in lower case with dashes (see catalog.internal.DemoPictures).
 */
public class DemoImages {

    static final int SIZE = 600;
    static final Color WHITE = new Color(255, 255, 255);

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "src/main/resources/demo/images");
        Files.createDirectories(out);
        Map<String, Picture> pictures = new LinkedHashMap<>();
        pictures.put("rose-hydrating-toner", new Picture(0xFDE2E4, 0xF6B8C1, DemoImages::toner));
        pictures.put("vitamin-c-serum", new Picture(0xFFF1D6, 0xFFC98B, DemoImages::serum));
        pictures.put("daily-sunscreen-spf-50", new Picture(0xD9F2FF, 0x8FD0F2, DemoImages::sunscreen));
        pictures.put("overnight-repair-mask", new Picture(0x2E3A6B, 0x151B3A, DemoImages::nightMask));
        pictures.put("gentle-foam-cleanser", new Picture(0xE0F7EF, 0xA6E3CF, DemoImages::cleanser));
        pictures.put("fingerprint-door-lock", new Picture(0xE6ECF2, 0xB7C5D3, DemoImages::doorLock));
        pictures.put("smart-lock-battery-pack", new Picture(0xE9F8D9, 0xB9E08F, DemoImages::battery));
        pictures.put("video-doorbell", new Picture(0xFFE9D2, 0xF7B98A, DemoImages::doorbell));
        pictures.put("window-sensor-set", new Picture(0xD5ECFF, 0x9CC8F0, DemoImages::windowSensors));
        pictures.put("key-safe-box", new Picture(0xEDE4F7, 0xC3AEE3, DemoImages::keySafe));
        pictures.put("wildflower-honey", new Picture(0xFFF6D5, 0xF8D774, DemoImages::honey));
        pictures.put("cold-pressed-sesame-oil", new Picture(0xF4EBDD, 0xD9C3A0, DemoImages::sesameOil));
        pictures.put("oolong-tea-leaves", new Picture(0xE4F1DE, 0xA9CB98, DemoImages::tea));
        pictures.put("five-grain-breakfast-mix", new Picture(0xFBEFE2, 0xE7C9A5, DemoImages::grains));
        pictures.put("chili-crisp-sauce", new Picture(0xFFE3DA, 0xF59E87, DemoImages::chili));
        pictures.put("tea-lovers-gift-box", new Picture(0xDDF3F1, 0x94D3CC, DemoImages::giftBox));
        pictures.put("scented-candle-trio", new Picture(0x35293F, 0x2A2033, DemoImages::candles));
        pictures.put("handmade-ceramic-mug", new Picture(0xF2E8E1, 0xD8C0AE, DemoImages::mug));
        pictures.put("skin-care-travel-kit", new Picture(0xFCE7F3, 0xE9B5D5, DemoImages::travelKit));
        pictures.put("gift-card", new Picture(0xFFF0E6, 0xFFC7A8, DemoImages::giftCard));
        for (Map.Entry<String, Picture> entry : pictures.entrySet()) {
            Path file = out.resolve(entry.getKey() + ".png");
            ImageIO.write(entry.getValue().draw(), "png", file.toFile());
            System.out.printf("%-32s %6d bytes%n", file.getFileName(), Files.size(file));
        }
    }

    record Picture(int top, int bottom, Consumer<Graphics2D> subject) {
        BufferedImage draw() {
            BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setPaint(new GradientPaint(0, 0, new Color(top), 0, SIZE, new Color(bottom)));
            g.fillRect(0, 0, SIZE, SIZE);
            // A soft light behind the subject, like a studio shot.
            g.setPaint(new RadialGradientPaint(new Point2D.Double(SIZE / 2.0, SIZE * 0.42), SIZE * 0.45f,
                    new float[] {0f, 1f}, new Color[] {new Color(255, 255, 255, 90), new Color(255, 255, 255, 0)}));
            g.fillRect(0, 0, SIZE, SIZE);
            subject.accept(g);
            g.dispose();
            return image;
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    static Color c(int rgb) {
        return new Color(rgb);
    }

    static Color c(int rgb, int alpha) {
        return new Color((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, alpha);
    }

    static Shape round(double x, double y, double w, double h, double r) {
        return new RoundRectangle2D.Double(x, y, w, h, r, r);
    }

    static Shape oval(double cx, double cy, double rx, double ry) {
        return new Ellipse2D.Double(cx - rx, cy - ry, 2 * rx, 2 * ry);
    }

    /** Paints a shape lit from the left, like a cylinder. */
    static void body(Graphics2D g, Shape shape, int light, int dark) {
        Rectangle2D b = shape.getBounds2D();
        g.setPaint(new GradientPaint((float) b.getMinX(), 0, c(light), (float) b.getMaxX(), 0, c(dark)));
        g.fill(shape);
    }

    static void fill(Graphics2D g, Shape shape, int rgb) {
        g.setPaint(c(rgb));
        g.fill(shape);
    }

    static void fill(Graphics2D g, Shape shape, int rgb, int alpha) {
        g.setPaint(c(rgb, alpha));
        g.fill(shape);
    }

    static void stroke(Graphics2D g, Shape shape, int rgb, float width) {
        g.setPaint(c(rgb));
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(shape);
    }

    static void shadow(Graphics2D g, double cx, double y, double rx) {
        fill(g, oval(cx, y, rx, rx * 0.13), 0x000000, 38);
    }

    /** A vertical highlight stripe on the left of a body. */
    static void shine(Graphics2D g, double x, double y, double w, double h) {
        fill(g, round(x, y, w, h, w), 0xFFFFFF, 95);
    }

    static Shape leaf(double cx, double cy, double length, double width, double angle) {
        Path2D p = new Path2D.Double();
        p.moveTo(0, 0);
        p.quadTo(length / 2, -width, length, 0);
        p.quadTo(length / 2, width, 0, 0);
        AffineTransform t = AffineTransform.getTranslateInstance(cx, cy);
        t.rotate(angle);
        return t.createTransformedShape(p);
    }

    static void flower(Graphics2D g, double cx, double cy, double r, int petal, int heart) {
        for (int i = 0; i < 5; i++) {
            double a = i * Math.PI * 2 / 5;
            fill(g, oval(cx + Math.cos(a) * r * 0.6, cy + Math.sin(a) * r * 0.6, r * 0.5, r * 0.5), petal);
        }
        fill(g, oval(cx, cy, r * 0.35, r * 0.35), heart);
    }

    // ---- skin care ----------------------------------------------------------------------------------------------

    static void toner(Graphics2D g) {
        shadow(g, 300, 505, 120);
        Shape bottle = round(215, 190, 170, 315, 60);
        body(g, bottle, 0xFFD3DC, 0xE98FA3);
        fill(g, round(262, 150, 76, 50, 10), 0xF3E6C8);
        body(g, round(250, 95, 100, 65, 18), 0xE8C77A, 0xB8913E);
        fill(g, round(235, 300, 130, 120, 24), 0xFFFFFF, 230);
        // a rose on the label
        for (int i = 0; i < 6; i++) {
            double a = i * Math.PI / 3;
            fill(g, oval(300 + Math.cos(a) * 20, 350 + Math.sin(a) * 20, 22, 22), 0xE4607D);
        }
        fill(g, oval(300, 350, 20, 20), 0xC23B5B);
        fill(g, leaf(318, 382, 40, 13, 0.5), 0x5FA36B);
        fill(g, leaf(282, 382, 40, 13, Math.PI - 0.5), 0x5FA36B);
        shine(g, 232, 215, 18, 230);
        for (int i = 0; i < 3; i++) {
            fill(g, oval(445 + i * 22, 200 + i * 55, 28 - i * 6, 28 - i * 6), 0xE98FA3, 170);
        }
        fill(g, oval(140, 420, 34, 22), 0xE4607D, 200);
        fill(g, oval(118, 448, 24, 16), 0xE4607D, 140);
    }

    static void serum(Graphics2D g) {
        shadow(g, 270, 505, 105);
        Shape bottle = round(190, 250, 160, 255, 40);
        body(g, bottle, 0xF6B35A, 0xC0711F);
        body(g, round(230, 205, 80, 50, 10), 0x3C3C46, 0x17171E);
        body(g, round(245, 110, 50, 100, 26), 0x4A4A55, 0x1E1E26);
        fill(g, round(208, 320, 124, 115, 20), 0xFFF8EC, 235);
        fill(g, oval(270, 377, 34, 34), 0xF7931E);
        fill(g, oval(270, 377, 26, 26), 0xFFC15A);
        for (int i = 0; i < 8; i++) {
            double a = i * Math.PI / 4;
            stroke(g, new Line2D.Double(270, 377, 270 + Math.cos(a) * 24, 377 + Math.sin(a) * 24), 0xF7931E, 3);
        }
        shine(g, 205, 270, 16, 200);
        // an orange slice beside it
        fill(g, oval(430, 440, 78, 78), 0xF28C18);
        fill(g, oval(430, 440, 66, 66), 0xFFD27A);
        for (int i = 0; i < 10; i++) {
            double a = i * Math.PI / 5;
            Shape seg = new Arc2D.Double(430 - 58, 440 - 58, 116, 116, Math.toDegrees(a) + 3, 30, Arc2D.PIE);
            fill(g, seg, 0xFFAE3B);
        }
        fill(g, oval(430, 440, 10, 10), 0xFFE7B3);
        fill(g, oval(270, 100, 10, 14), 0xF6B35A, 220);
    }

    static void sunscreen(Graphics2D g) {
        // the sun
        fill(g, oval(430, 150, 70, 70), 0xFFD23F);
        for (int i = 0; i < 12; i++) {
            double a = i * Math.PI / 6;
            stroke(g, new Line2D.Double(430 + Math.cos(a) * 88, 150 + Math.sin(a) * 88,
                    430 + Math.cos(a) * 112, 150 + Math.sin(a) * 112), 0xFFD23F, 10);
        }
        shadow(g, 280, 510, 150);
        Path2D tube = new Path2D.Double();
        tube.moveTo(185, 150);
        tube.lineTo(375, 150);
        tube.quadTo(372, 330, 345, 440);
        tube.lineTo(215, 440);
        tube.quadTo(188, 330, 185, 150);
        tube.closePath();
        AffineTransform tilt = AffineTransform.getRotateInstance(Math.toRadians(-12), 280, 330);
        Shape t = tilt.createTransformedShape(tube);
        body(g, t, 0xFFFFFF, 0xD9E3EA);
        stroke(g, tilt.createTransformedShape(new Line2D.Double(185, 165, 375, 165)), 0xC9D6DF, 5);
        Shape cap = tilt.createTransformedShape(round(228, 440, 104, 70, 16));
        body(g, cap, 0xFF9F43, 0xE0701C);
        Shape band = tilt.createTransformedShape(round(205, 250, 150, 90, 18));
        fill(g, band, 0xFF9F43);
        Shape badge = tilt.createTransformedShape(oval(280, 295, 30, 30));
        fill(g, badge, 0xFFD23F);
    }

    static void nightMask(Graphics2D g) {
        Random r = new Random(7);
        for (int i = 0; i < 40; i++) {
            double x = r.nextDouble() * SIZE;
            double y = r.nextDouble() * 330;
            double s = 1.5 + r.nextDouble() * 3;
            fill(g, oval(x, y, s, s), 0xFFFFFF, 120 + r.nextInt(120));
        }
        Area moon = new Area(oval(450, 140, 62, 62));
        moon.subtract(new Area(oval(478, 118, 58, 58)));
        fill(g, moon, 0xFFE7A3);
        fill(g, oval(300, 505, 170, 20), 0x000000, 70);
        Shape jar = round(150, 330, 300, 175, 46);
        body(g, jar, 0xE9E0FF, 0xA996E0);
        body(g, round(140, 270, 320, 80, 24), 0xC9B8F5, 0x7D66C7);
        fill(g, round(140, 330, 320, 14, 6), 0x6A54B3, 160);
        fill(g, round(205, 375, 190, 90, 20), 0xFFFFFF, 220);
        Area small = new Area(oval(300, 420, 26, 26));
        small.subtract(new Area(oval(313, 410, 24, 24)));
        fill(g, small, 0x7D66C7);
        for (int i = 0; i < 3; i++) {
            fill(g, oval(335 + i * 16, 400 - i * 7, 3, 3), 0x7D66C7);
        }
        shine(g, 165, 350, 16, 130);
    }

    static void cleanser(Graphics2D g) {
        Random r = new Random(3);
        for (int i = 0; i < 12; i++) {
            double x = 90 + r.nextDouble() * 430;
            double y = 90 + r.nextDouble() * 360;
            if (x > 190 && x < 410) {
                continue;
            }
            double s = 12 + r.nextDouble() * 30;
            fill(g, oval(x, y, s, s), 0xFFFFFF, 140);
            stroke(g, oval(x, y, s, s), 0xFFFFFF, 3);
            fill(g, oval(x - s * 0.35, y - s * 0.35, s * 0.18, s * 0.18), 0xFFFFFF, 230);
        }
        shadow(g, 300, 505, 110);
        Shape bottle = round(210, 240, 180, 265, 50);
        body(g, bottle, 0xFFFFFF, 0xCFEDE3);
        body(g, round(265, 190, 70, 55, 10), 0x4CB8A0, 0x2E8C77);
        body(g, round(285, 140, 30, 55, 6), 0x4CB8A0, 0x2E8C77);
        body(g, round(285, 120, 110, 30, 12), 0x4CB8A0, 0x2E8C77);
        fill(g, round(375, 130, 20, 40, 8), 0x2E8C77);
        fill(g, round(232, 310, 136, 120, 22), 0x6FD0B5);
        fill(g, oval(300, 370, 30, 30), 0xFFFFFF, 200);
        fill(g, oval(282, 360, 14, 14), 0xFFFFFF, 230);
        fill(g, oval(318, 385, 10, 10), 0xFFFFFF, 230);
        shine(g, 226, 260, 16, 210);
    }

    // ---- home & smart locks -------------------------------------------------------------------------------------

    static void doorLock(Graphics2D g) {
        // a slice of door behind the lock
        fill(g, round(120, -40, 360, 700, 0), 0xC89B6D);
        fill(g, round(120, -40, 14, 700, 0), 0xA87B4F);
        shadow(g, 300, 520, 130);
        Shape plate = round(215, 90, 170, 420, 60);
        body(g, plate, 0x4A4F5C, 0x23262E);
        fill(g, round(232, 118, 136, 170, 34), 0x15171C);
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                fill(g, oval(262 + col * 38, 155 + row * 44, 11, 11), 0x6FC3FF, 220);
            }
        }
        fill(g, oval(300, 400, 52, 52), 0x2E323B);
        for (int i = 0; i < 5; i++) {
            double rr = 10 + i * 8;
            stroke(g, new Arc2D.Double(300 - rr, 400 - rr, rr * 2, rr * 2, 20, 320 - i * 15, Arc2D.OPEN), 0x6FC3FF, 3.5f);
        }
        // the handle
        body(g, round(365, 320, 150, 36, 18), 0xE3E6EB, 0x9AA1AC);
        fill(g, oval(372, 338, 30, 30), 0xC5CAD2);
        shine(g, 226, 300, 10, 170);
    }

    static void battery(Graphics2D g) {
        shadow(g, 300, 470, 170);
        AffineTransform tilt = AffineTransform.getRotateInstance(Math.toRadians(-8), 300, 330);
        Shape shell = tilt.createTransformedShape(round(120, 220, 330, 220, 40));
        body(g, shell, 0x3D434F, 0x1C2028);
        fill(g, tilt.createTransformedShape(round(450, 290, 34, 80, 12)), 0x3D434F);
        for (int i = 0; i < 4; i++) {
            fill(g, tilt.createTransformedShape(round(148 + i * 72, 248, 60, 164, 14)), i < 3 ? 0x7ED957 : 0x4A5361);
        }
        Path2D bolt = new Path2D.Double();
        bolt.moveTo(310, 235);
        bolt.lineTo(255, 340);
        bolt.lineTo(300, 340);
        bolt.lineTo(280, 430);
        bolt.lineTo(350, 305);
        bolt.lineTo(305, 305);
        bolt.closePath();
        fill(g, tilt.createTransformedShape(bolt), 0xFFFFFF);
        stroke(g, tilt.createTransformedShape(bolt), 0x2B303A, 6);
        // the charging cable
        Path2D cable = new Path2D.Double();
        cable.moveTo(484, 335);
        cable.curveTo(560, 340, 540, 470, 600, 500);
        stroke(g, tilt.createTransformedShape(cable), 0x2B303A, 10);
    }

    static void doorbell(Graphics2D g) {
        // a brick wall behind
        for (int row = 0; row < 12; row++) {
            for (int col = -1; col < 7; col++) {
                double x = col * 100 + (row % 2) * 50;
                fill(g, round(x + 4, row * 52 + 4, 92, 44, 6), 0xE8A87C, 70);
            }
        }
        fill(g, oval(300, 530, 120, 14), 0x000000, 40);
        Shape body = round(220, 80, 160, 420, 80);
        body(g, body, 0xFFFFFF, 0xD7DCE2);
        fill(g, round(240, 110, 120, 190, 60), 0x1F232B);
        fill(g, oval(300, 190, 42, 42), 0x39404D);
        fill(g, oval(300, 190, 28, 28), 0x10131A);
        fill(g, oval(300, 190, 14, 14), 0x3C6DF0);
        fill(g, oval(292, 182, 5, 5), 0xFFFFFF, 220);
        fill(g, oval(300, 265, 5, 5), 0x7ED957);
        fill(g, oval(300, 405, 52, 52), 0xE9ECF0);
        stroke(g, oval(300, 405, 52, 52), 0x4FA3FF, 7);
        fill(g, oval(300, 405, 30, 30), 0xFFFFFF);
        for (int i = 0; i < 2; i++) {
            double rr = 110 + i * 30;
            stroke(g, new Arc2D.Double(300 - rr + 140, 200 - rr, rr * 2, rr * 2, -35, 70, Arc2D.OPEN), 0xFFFFFF, 8);
        }
    }

    static void windowSensors(Graphics2D g) {
        fill(g, oval(300, 530, 200, 18), 0x000000, 35);
        Shape frame = round(110, 90, 380, 430, 16);
        fill(g, frame, 0xFFFFFF);
        Shape glassLeft = round(135, 115, 155, 380, 6);
        Shape glassRight = round(310, 115, 155, 380, 6);
        g.setPaint(new GradientPaint(135, 115, c(0xBFE3FF), 465, 495, c(0x6FAEE8)));
        g.fill(glassLeft);
        g.fill(glassRight);
        fill(g, new Path2D.Double(new java.awt.Polygon(new int[] {150, 210, 150}, new int[] {150, 150, 260}, 3)), 0xFFFFFF, 90);
        fill(g, new Path2D.Double(new java.awt.Polygon(new int[] {330, 400, 330}, new int[] {140, 140, 270}, 3)), 0xFFFFFF, 90);
        // the two sensor halves on the sash
        fill(g, round(262, 250, 28, 80, 8), 0xF4F6F8);
        stroke(g, round(262, 250, 28, 80, 8), 0xC6CDD5, 3);
        fill(g, round(310, 250, 20, 80, 6), 0xF4F6F8);
        stroke(g, round(310, 250, 20, 80, 6), 0xC6CDD5, 3);
        fill(g, oval(276, 268, 5, 5), 0x7ED957);
        for (int i = 0; i < 3; i++) {
            double rr = 26 + i * 22;
            stroke(g, new Arc2D.Double(300 - rr, 210 - rr, rr * 2, rr * 2, 45, 90, Arc2D.OPEN), 0x2F80ED, 7);
        }
        fill(g, oval(300, 210, 8, 8), 0x2F80ED);
        // curtain
        Path2D curtain = new Path2D.Double();
        curtain.moveTo(95, 70);
        curtain.lineTo(190, 70);
        curtain.quadTo(150, 300, 200, 540);
        curtain.lineTo(95, 540);
        curtain.closePath();
        fill(g, curtain, 0xF7C6A3);
        stroke(g, new Line2D.Double(130, 90, 135, 520), 0xE8AE86, 5);
        stroke(g, new Line2D.Double(80, 70, 520, 70), 0x8A94A3, 10);
    }

    static void keySafe(Graphics2D g) {
        shadow(g, 300, 510, 150);
        Shape box = round(160, 130, 280, 380, 36);
        body(g, box, 0x5B5F6B, 0x2B2E36);
        fill(g, round(185, 160, 230, 85, 18), 0x1B1D22);
        for (int i = 0; i < 4; i++) {
            fill(g, round(205 + i * 50, 182, 38, 42, 8), 0xD9DEE5);
        }
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                fill(g, oval(230 + col * 70, 290 + row * 60, 22, 22), 0xAAB2BE);
            }
        }
        fill(g, round(210, 470, 180, 18, 9), 0x1B1D22);
        // a brass key hanging out
        g.setStroke(new BasicStroke(12, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        stroke(g, oval(470, 420, 38, 38), 0xE0B84C, 14);
        fill(g, round(415, 410, 22, 150, 8), 0xE0B84C);
        fill(g, round(437, 500, 26, 12, 4), 0xE0B84C);
        fill(g, round(437, 530, 20, 12, 4), 0xE0B84C);
        stroke(g, new Line2D.Double(426, 405, 458, 420), 0xE0B84C, 10);
        shine(g, 172, 260, 10, 200);
    }

    // ---- pantry -------------------------------------------------------------------------------------------------

    static void honey(Graphics2D g) {
        shadow(g, 280, 510, 140);
        Shape jar = round(160, 210, 240, 300, 70);
        body(g, jar, 0xFFC23D, 0xD8860B);
        fill(g, round(185, 180, 190, 40, 12), 0xFFFFFF, 140);
        // checked cloth on the lid
        Path2D cloth = new Path2D.Double();
        cloth.moveTo(150, 195);
        cloth.quadTo(280, 120, 410, 195);
        cloth.lineTo(395, 240);
        cloth.quadTo(280, 215, 165, 240);
        cloth.closePath();
        fill(g, cloth, 0xE5533D);
        g.setClip(cloth);
        for (int i = 0; i < 12; i++) {
            fill(g, round(150 + i * 24, 120, 12, 140, 0), 0xFFFFFF, 110);
        }
        g.setClip(null);
        stroke(g, new Line2D.Double(168, 236, 392, 236), 0x8C5A1E, 6);
        fill(g, oval(280, 370, 70, 62), 0xFFF1C7, 230);
        // a bee-ish honeycomb cell on the label
        Path2D hex = new Path2D.Double();
        for (int i = 0; i < 6; i++) {
            double a = Math.PI / 6 + i * Math.PI / 3;
            double x = 280 + Math.cos(a) * 34;
            double y = 370 + Math.sin(a) * 34;
            if (i == 0) {
                hex.moveTo(x, y);
            } else {
                hex.lineTo(x, y);
            }
        }
        hex.closePath();
        fill(g, hex, 0xF5A623);
        shine(g, 178, 260, 18, 190);
        // honey running down from under the cloth
        Path2D drip = new Path2D.Double();
        drip.moveTo(330, 236);
        drip.lineTo(362, 236);
        drip.quadTo(360, 290, 352, 300);
        drip.quadTo(344, 310, 338, 298);
        drip.quadTo(332, 270, 330, 236);
        drip.closePath();
        fill(g, drip, 0xF5A623);
        flower(g, 500, 470, 30, 0xFFFFFF, 0xF5A623);
        flower(g, 110, 150, 22, 0xF7A8C8, 0xF5A623);
    }

    static void sesameOil(Graphics2D g) {
        shadow(g, 290, 515, 110);
        Path2D bottle = new Path2D.Double();
        bottle.moveTo(262, 90);
        bottle.lineTo(318, 90);
        bottle.lineTo(318, 210);
        bottle.quadTo(390, 250, 390, 320);
        bottle.lineTo(390, 480);
        bottle.quadTo(390, 515, 355, 515);
        bottle.lineTo(225, 515);
        bottle.quadTo(190, 515, 190, 480);
        bottle.lineTo(190, 320);
        bottle.quadTo(190, 250, 262, 210);
        bottle.closePath();
        fill(g, bottle, 0xFFFFFF, 120);
        g.setClip(bottle);
        g.setPaint(new GradientPaint(190, 0, c(0xF0B93E), 390, 0, c(0xB9740E)));
        g.fillRect(150, 270, 300, 300);
        g.setClip(null);
        stroke(g, bottle, 0xFFFFFF, 4);
        body(g, round(256, 62, 68, 40, 10), 0xC69C6D, 0x8E6A43);
        fill(g, round(210, 350, 160, 100, 16), 0xFFF8EA);
        for (int i = 0; i < 7; i++) {
            fill(g, leaf(240 + i * 17, 400 + (i % 2) * 10, 14, 5, -0.5 + i * 0.15), 0xC08A4A);
        }
        shine(g, 206, 300, 12, 170);
        Random r = new Random(11);
        for (int i = 0; i < 24; i++) {
            double x = 420 + r.nextDouble() * 140;
            double y = 430 + r.nextDouble() * 90;
            fill(g, leaf(x, y, 14, 5, r.nextDouble() * Math.PI), i % 3 == 0 ? 0x3A3026 : 0xF3E3C3);
        }
    }

    static void tea(Graphics2D g) {
        for (int i = 0; i < 3; i++) {
            Path2D steam = new Path2D.Double();
            double x = 250 + i * 50;
            steam.moveTo(x, 250);
            steam.curveTo(x - 30, 210, x + 30, 180, x, 130);
            stroke(g, steam, 0xFFFFFF, 9);
        }
        fill(g, oval(290, 470, 190, 40), 0xFFFFFF);
        fill(g, oval(290, 470, 150, 26), 0xE9EEF0);
        Path2D cup = new Path2D.Double();
        cup.moveTo(160, 290);
        cup.lineTo(420, 290);
        cup.quadTo(410, 440, 290, 455);
        cup.quadTo(170, 440, 160, 290);
        cup.closePath();
        body(g, cup, 0xFFFFFF, 0xD6DEE0);
        stroke(g, new Arc2D.Double(395, 310, 80, 80, -90, 180, Arc2D.OPEN), 0xD6DEE0, 16);
        fill(g, oval(290, 292, 130, 20), 0xC08A2E);
        fill(g, oval(290, 292, 110, 13), 0xD9A441);
        fill(g, round(190, 340, 200, 16, 8), 0x6BA368);
        // leaves scattered around
        fill(g, leaf(80, 440, 90, 28, -0.4), 0x4E8A4A);
        fill(g, leaf(100, 500, 80, 24, -0.1), 0x6BA368);
        fill(g, leaf(470, 150, 80, 24, 2.6), 0x4E8A4A);
        fill(g, leaf(520, 520, 70, 22, 3.6), 0x6BA368);
        stroke(g, leaf(80, 440, 90, 0, -0.4), 0x3A6B37, 2);
    }

    static void grains(Graphics2D g) {
        fill(g, oval(300, 470, 210, 30), 0x000000, 30);
        Random r = new Random(5);
        int[] colours = {0xF3E3B8, 0xE9C98B, 0xB5473A, 0xD6B16A, 0x8C6A45, 0xFFF4D8};
        // the heap rising above the bowl
        for (int i = 0; i < 260; i++) {
            double a = r.nextDouble() * Math.PI;
            double d = Math.sqrt(r.nextDouble());
            double x = 300 + Math.cos(a) * 190 * d;
            double y = 300 - Math.sin(a) * 70 * d;
            fill(g, leaf(x - 8, y, 16, 5, r.nextDouble() * Math.PI), colours[r.nextInt(colours.length)]);
        }
        Path2D bowl = new Path2D.Double();
        bowl.moveTo(90, 300);
        bowl.lineTo(510, 300);
        bowl.quadTo(500, 460, 300, 470);
        bowl.quadTo(100, 460, 90, 300);
        bowl.closePath();
        body(g, bowl, 0x6FA8DC, 0x3D6FA3);
        fill(g, round(230, 462, 140, 18, 8), 0x3D6FA3);
        stroke(g, new Arc2D.Double(120, 250, 360, 180, 200, 140, Arc2D.OPEN), 0xFFFFFF, 6);
        // a wooden spoon
        fill(g, oval(470, 190, 36, 48), 0xD9A86C);
        stroke(g, new Line2D.Double(455, 230, 400, 320), 0xD9A86C, 14);
        for (int i = 0; i < 8; i++) {
            fill(g, leaf(470 - 15 + r.nextDouble() * 30, 185 + r.nextDouble() * 20, 14, 5, r.nextDouble() * 3),
                    colours[r.nextInt(colours.length)]);
        }
    }

    static void chili(Graphics2D g) {
        shadow(g, 270, 510, 130);
        Shape jar = round(150, 240, 240, 270, 40);
        body(g, jar, 0xE04A2F, 0x9E2414);
        Random r = new Random(9);
        g.setClip(jar);
        for (int i = 0; i < 120; i++) {
            fill(g, oval(150 + r.nextDouble() * 240, 240 + r.nextDouble() * 270, 4 + r.nextDouble() * 6,
                    3 + r.nextDouble() * 4), i % 4 == 0 ? 0xF6C35B : 0x6B1208, 200);
        }
        g.setClip(null);
        body(g, round(140, 190, 260, 60, 14), 0x3A3A3A, 0x151515);
        fill(g, round(190, 310, 160, 120, 60), 0xFFF4E6);
        Path2D small = chiliShape();
        fill(g, AffineTransform.getTranslateInstance(270 - 50, 370 - 20).createTransformedShape(small), 0xE04A2F);
        shine(g, 166, 262, 14, 220);
        // two chillies beside the jar
        AffineTransform t = AffineTransform.getTranslateInstance(380, 420);
        t.scale(2, 2);
        t.rotate(-0.5);
        fill(g, t.createTransformedShape(small), 0xE8382A);
        AffineTransform t2 = AffineTransform.getTranslateInstance(410, 480);
        t2.scale(1.7, 1.7);
        t2.rotate(0.15);
        fill(g, t2.createTransformedShape(small), 0xC4261C);
        fill(g, t.createTransformedShape(round(-8, 10, 14, 22, 6)), 0x3C8D3F);
        fill(g, t2.createTransformedShape(round(-8, 10, 14, 22, 6)), 0x3C8D3F);
    }

    static Path2D chiliShape() {
        Path2D p = new Path2D.Double();
        p.moveTo(0, 12);
        p.curveTo(20, 0, 70, 5, 100, 40);
        p.curveTo(70, 25, 30, 32, 4, 32);
        p.closePath();
        return p;
    }

    // ---- gifts --------------------------------------------------------------------------------------------------

    static void giftBox(Graphics2D g) {
        shadow(g, 300, 505, 170);
        Shape box = round(140, 260, 320, 245, 12);
        body(g, box, 0x2F8F83, 0x1D645B);
        body(g, round(125, 215, 350, 70, 12), 0x3AA395, 0x24776C);
        fill(g, round(280, 215, 40, 290, 0), 0xF2C14E);
        // the bow
        Path2D loop = new Path2D.Double();
        loop.moveTo(300, 215);
        loop.curveTo(230, 120, 170, 170, 220, 215);
        loop.closePath();
        fill(g, loop, 0xF2C14E);
        AffineTransform mirror = AffineTransform.getTranslateInstance(600, 0);
        mirror.scale(-1, 1);
        fill(g, mirror.createTransformedShape(loop), 0xF2C14E);
        fill(g, oval(300, 212, 22, 18), 0xE0A92E);
        // a little teapot tag
        fill(g, round(380, 330, 70, 90, 12), 0xFFFDF5);
        fill(g, oval(415, 385, 20, 16), 0x2F8F83);
        fill(g, round(408, 362, 14, 8, 4), 0x2F8F83);
        stroke(g, new Line2D.Double(433, 380, 442, 372), 0x2F8F83, 5);
        stroke(g, new Line2D.Double(380, 345, 320, 300), 0xF2C14E, 3);
        for (int i = 0; i < 3; i++) {
            fill(g, leaf(90 + i * 30, 470 - i * 40, 50, 16, -1.2 + i * 0.3), 0x4E8A4A);
        }
    }

    static void candles(Graphics2D g) {
        double[][] candles = {{170, 290, 90}, {300, 220, 100}, {430, 330, 85}};
        int[][] wax = {{0xF7D6E0, 0xD99AB0}, {0xFFF5E0, 0xE3CFA6}, {0xD9ECDD, 0xA7CDB0}};
        for (int i = 0; i < 3; i++) {
            double cx = candles[i][0];
            double top = candles[i][1];
            double r = candles[i][2] / 2;
            // glow
            for (int ring = 0; ring < 3; ring++) {
                fill(g, oval(cx, top - 40, 100 - ring * 28, 100 - ring * 28), 0xFFC85A, 28);
            }
        }
        fill(g, oval(300, 510, 230, 20), 0x000000, 80);
        for (int i = 0; i < 3; i++) {
            double cx = candles[i][0];
            double top = candles[i][1];
            double r = candles[i][2] / 2;
            Shape glass = round(cx - r - 6, top, 2 * r + 12, 510 - top, 16);
            body(g, glass, wax[i][0], wax[i][1]);
            fill(g, oval(cx, top + 8, r, 10), wax[i][1]);
            fill(g, round(cx - r + 4, top + 70, 2 * r - 8, 40, 8), 0xFFFFFF, 200);
            stroke(g, new Line2D.Double(cx, top + 8, cx, top - 8), 0x3A2E2E, 4);
            Path2D flame = new Path2D.Double();
            flame.moveTo(cx, top - 62);
            flame.curveTo(cx + 22, top - 30, cx + 14, top - 8, cx, top - 6);
            flame.curveTo(cx - 14, top - 8, cx - 22, top - 30, cx, top - 62);
            fill(g, flame, 0xFFB43B);
            fill(g, oval(cx, top - 20, 7, 12), 0xFFF3C4);
        }
    }

    static void mug(Graphics2D g) {
        shadow(g, 280, 505, 150);
        stroke(g, round(380, 270, 120, 150, 70), 0x2C6E8F, 30);
        Shape cup = round(140, 190, 270, 315, 40);
        body(g, cup, 0xF4EDE4, 0xCDBFAF);
        // glaze dipped over the top, dripping a little
        Path2D glaze = new Path2D.Double();
        glaze.moveTo(140, 230);
        glaze.lineTo(410, 230);
        glaze.lineTo(410, 300);
        glaze.quadTo(385, 300, 380, 330);
        glaze.quadTo(372, 355, 362, 330);
        glaze.quadTo(352, 300, 320, 305);
        glaze.quadTo(290, 310, 285, 345);
        glaze.quadTo(278, 370, 268, 345);
        glaze.quadTo(255, 305, 220, 300);
        glaze.quadTo(190, 296, 185, 320);
        glaze.quadTo(175, 340, 165, 318);
        glaze.quadTo(155, 300, 140, 300);
        glaze.closePath();
        Area top = new Area(glaze);
        top.add(new Area(round(140, 190, 270, 80, 40)));
        top.intersect(new Area(cup));
        body(g, top, 0x3C8DB5, 0x225F7D);
        fill(g, oval(275, 198, 132, 12), 0x1B4A61);
        shine(g, 160, 330, 14, 140);
        Random r = new Random(2);
        for (int i = 0; i < 30; i++) {
            fill(g, oval(170 + r.nextDouble() * 220, 380 + r.nextDouble() * 110, 2, 2), 0x8C7A66, 150);
        }
        for (int i = 0; i < 2; i++) {
            Path2D steam = new Path2D.Double();
            double x = 240 + i * 70;
            steam.moveTo(x, 170);
            steam.curveTo(x - 25, 130, x + 25, 110, x, 70);
            stroke(g, steam, 0xFFFFFF, 8);
        }
    }

    static void travelKit(Graphics2D g) {
        shadow(g, 300, 512, 200);
        Path2D pouch = new Path2D.Double();
        pouch.moveTo(110, 300);
        pouch.quadTo(300, 270, 490, 300);
        pouch.lineTo(470, 480);
        pouch.quadTo(300, 530, 130, 480);
        pouch.closePath();
        // three minis peeking out of the pouch
        body(g, round(170, 150, 70, 190, 24), 0xFFFFFF, 0xD9E6EE);
        body(g, round(178, 120, 54, 40, 8), 0x6FD0B5, 0x3FA58A);
        body(g, round(265, 110, 80, 220, 30), 0xFFD3DC, 0xE98FA3);
        body(g, round(280, 80, 50, 40, 8), 0xE8C77A, 0xB8913E);
        body(g, round(370, 190, 90, 140, 40), 0xE9E0FF, 0xA996E0);
        body(g, round(365, 165, 100, 40, 14), 0xC9B8F5, 0x7D66C7);
        body(g, pouch, 0xF08BB9, 0xC2557F);
        stroke(g, new Path2D.Double(new java.awt.geom.QuadCurve2D.Double(118, 312, 300, 284, 482, 312)), 0xFFE3A3, 8);
        fill(g, round(440, 300, 22, 50, 8), 0xFFE3A3);
        Random r = new Random(4);
        for (int i = 0; i < 40; i++) {
            fill(g, oval(160 + r.nextDouble() * 280, 340 + r.nextDouble() * 130, 5, 5), 0xFFFFFF, 110);
        }
    }

    static void giftCard(Graphics2D g) {
        shadow(g, 300, 470, 200);
        AffineTransform tilt = AffineTransform.getRotateInstance(Math.toRadians(-10), 300, 300);
        Shape back = AffineTransform.getRotateInstance(Math.toRadians(8), 300, 300)
                .createTransformedShape(round(120, 190, 360, 230, 26));
        fill(g, back, 0xFFFFFF, 170);
        Shape card = tilt.createTransformedShape(round(100, 180, 400, 250, 26));
        g.setPaint(new GradientPaint(100, 180, c(0xFF7A59), 500, 430, c(0xE8436B)));
        g.fill(card);
        fill(g, tilt.createTransformedShape(round(100, 280, 400, 34, 0)), 0xFFD166);
        fill(g, tilt.createTransformedShape(round(330, 180, 34, 250, 0)), 0xFFD166);
        Path2D loop = new Path2D.Double();
        loop.moveTo(347, 297);
        loop.curveTo(300, 220, 250, 270, 300, 300);
        loop.closePath();
        fill(g, tilt.createTransformedShape(loop), 0xFFD166);
        AffineTransform mirror = new AffineTransform(tilt);
        mirror.translate(694, 0);
        mirror.scale(-1, 1);
        fill(g, mirror.createTransformedShape(loop), 0xFFD166);
        // a heart and a few lines where text would be
        Area heart = new Area(oval(165, 225, 18, 18));
        heart.add(new Area(oval(195, 225, 18, 18)));
        Path2D tip = new Path2D.Double();
        tip.moveTo(149, 230);
        tip.lineTo(211, 230);
        tip.lineTo(180, 268);
        tip.closePath();
        heart.add(new Area(tip));
        fill(g, tilt.createTransformedShape(heart), 0xFFFFFF);
        fill(g, tilt.createTransformedShape(round(140, 350, 150, 16, 8)), 0xFFFFFF, 200);
        fill(g, tilt.createTransformedShape(round(140, 380, 100, 16, 8)), 0xFFFFFF, 150);
        Random r = new Random(8);
        for (int i = 0; i < 14; i++) {
            fill(g, round(50 + r.nextDouble() * 500, 50 + r.nextDouble() * 80 + (i % 2) * 400, 14, 7, 3),
                    new int[] {0xFF7A59, 0xFFD166, 0x4CB8A0, 0x6FAEE8}[i % 4]);
        }
    }
}
