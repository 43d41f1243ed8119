package org.spectlab.simulator.ct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.io.nifti.Nifti;

class CtWriterTest {
    @Test
    void writesCtNiiThatReadsBackExactly(@TempDir Path dir) {
        Grid3 g = Grid3.centred(4, 3, 2, 1, 1, 2);
        float[] hu = new float[g.voxelCount()];
        for (int i = 0; i < hu.length; i++) {
            hu[i] = -1000 + 250.5f * i;
        }
        Path file = CtWriter.write(Volume.of(g, hu, "HU"), dir);
        assertThat(file).isEqualTo(dir.resolve("ct/ct.nii"));
        Volume back = Nifti.readVolume(file);
        assertThat(back.unit()).isEqualTo("HU");
        assertThat(back.grid().sameGeometry(g)).isTrue();
        assertThat(back.data()).containsExactly(hu);
        assertThatThrownBy(() -> CtWriter.write(Volume.of(g, hu, "1/cm"), dir)).isInstanceOf(InputException.class);
    }
}
