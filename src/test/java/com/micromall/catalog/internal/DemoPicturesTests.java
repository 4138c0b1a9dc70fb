package com.micromall.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.shared.ImageType;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo shop's pictures as the embedded default loads them: one of its own for every product, telling apart
 * from the others at a glance, small, and of a kind the shop accepts. Same settings as {@code EmbeddedDefaultSmokeTests}, so both share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "micromall.test.embedded=true",
        "spring.datasource.url=jdbc:h2:mem:smoke;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
class DemoPicturesTests {

    private static final int MAX_DEMO_PICTURE_BYTES = 60 * 1024;
    private static final int THUMBNAIL = 24;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyDemoProductHasAPictureOfItsOwnThatTheShopAccepts() throws Exception {
        record Picture(String product, String contentType, byte[] data) {
        }
        List<Picture> pictures = jdbc.sql("""
                        SELECT p.name, i.content_type, i.data FROM product p JOIN product_image i ON i.product_id = p.id
                        ORDER BY p.id""")
                .query((rs, row) -> new Picture(rs.getString(1), rs.getString(2), rs.getBytes(3))).list();

        assertThat(pictures).hasSize(20);
        assertThat(pictures.stream().map(Picture::product).collect(Collectors.toSet())).hasSize(20);
        Set<String> distinct = pictures.stream().map(p -> Arrays.toString(p.data())).collect(Collectors.toSet());
        assertThat(distinct).as("no two products share a picture").hasSize(20);
        List<int[]> thumbnails = new ArrayList<>();
        for (Picture picture : pictures) {
            thumbnails.add(thumbnail(ImageIO.read(new ByteArrayInputStream(picture.data()))));
        }
        for (int i = 0; i < pictures.size(); i++) {
            for (int j = i + 1; j < pictures.size(); j++) {
                assertThat(difference(thumbnails.get(i), thumbnails.get(j)))
                        .as("%s and %s tell apart as thumbnails on a phone", pictures.get(i).product(),
                                pictures.get(j).product())
                        .isGreaterThan(10.0);
            }
        }
        for (Picture picture : pictures) {
            assertThat(ImageType.detect(picture.data())).as(picture.product()).contains(ImageType.PNG);
            assertThat(picture.contentType()).isEqualTo(ImageType.PNG.contentType());
            assertThat(picture.data().length).as(picture.product())
                    .isLessThan(MAX_DEMO_PICTURE_BYTES).isLessThan(ProductAdministration.MAX_IMAGE_BYTES);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(picture.data()));
            assertThat(Map.of("width", image.getWidth(), "height", image.getHeight())).as(picture.product())
                    .containsEntry("width", 600).containsEntry("height", 600);
        }
    }

    /** The picture at 24 x 24 pixels, about what the eye compares when scrolling a phone's product list. */
    private static int[] thumbnail(BufferedImage image) {
        BufferedImage small = new BufferedImage(THUMBNAIL, THUMBNAIL, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, THUMBNAIL, THUMBNAIL, null);
        g.dispose();
        return small.getRGB(0, 0, THUMBNAIL, THUMBNAIL, null, 0, THUMBNAIL);
    }

    /** Mean absolute difference per colour channel (0 to 255) of two thumbnails. */
    private static double difference(int[] a, int[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                sum += Math.abs(((a[i] >> shift) & 0xFF) - ((b[i] >> shift) & 0xFF));
            }
        }
        return sum / (a.length * 3.0);
    }

    @Test
    void aPictureIsNamedAfterItsProduct() {
        assertThat(DemoPictures.fileName("Tea lover's gift box")).isEqualTo("tea-lovers-gift-box.png");
        assertThat(DemoPictures.fileName("Daily sunscreen SPF 50")).isEqualTo("daily-sunscreen-spf-50.png");
    }
}
