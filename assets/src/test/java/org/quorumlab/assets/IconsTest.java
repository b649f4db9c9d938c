package org.quorumlab.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Every icon has an SVG source and committed PNGs of each size (assets/tools/render-icons.sh). */
class IconsTest {

    private static final int[] SIZES = {16, 32, 48, 64, 128, 256};
    private static final List<String> REQUIRED = List.of(
            "app/quorumlab",
            "node/persistent", "node/ephemeral", "node/sequential", "node/container", "node/ttl",
            "role/leader", "role/follower", "role/observer", "role/looking",
            "action/add-node", "action/kill", "action/stop", "action/restart", "action/partition", "action/heal");

    @Test
    void everyRequiredIconHasAnSvgSource() {
        for (String icon : REQUIRED) {
            assertThat(AssetFiles.ROOT.resolve("icons/" + icon + ".svg")).as(icon).isRegularFile();
        }
    }

    @Test
    void everySvgHasPngsOfEverySizeWithTheRightDimensions() throws IOException {
        List<Path> svgs = AssetFiles.under("icons", ".svg");
        assertThat(svgs).hasSizeGreaterThanOrEqualTo(REQUIRED.size());
        for (Path svg : svgs) {
            assertThat(Files.readString(svg)).as(svg.toString()).contains("<svg").contains("viewBox");
            String base = svg.toString().substring(0, svg.toString().length() - ".svg".length());
            for (int size : SIZES) {
                Path png = Path.of(base + "-" + size + ".png");
                assertThat(png).as("%s (run assets/tools/render-icons.sh)", png).isRegularFile();
                BufferedImage image = ImageIO.read(png.toFile());
                assertThat(image).as(png.toString()).isNotNull();
                assertThat(image.getWidth()).as(png + " width").isEqualTo(size);
                assertThat(image.getHeight()).as(png + " height").isEqualTo(size);
                assertThat(image.getColorModel().hasAlpha()).as(png + " has transparency").isTrue();
            }
        }
    }

    @Test
    void fontSettingsUseRelativeSizesAndLcdSmoothing() throws IOException {
        String css = Files.readString(AssetFiles.ROOT.resolve("fonts.css"));
        assertThat(css).contains("-fx-font-smoothing-type: lcd");
        assertThat(css).doesNotContainPattern("-fx-font-size:\\s*[0-9.]+(px|pt)");
    }
}
