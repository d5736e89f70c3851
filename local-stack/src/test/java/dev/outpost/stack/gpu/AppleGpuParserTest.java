package dev.outpost.stack.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.stack.gpu.AppleGpuParser.DisplayGpu;
import dev.outpost.stack.process.UnexpectedOutputException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppleGpuParserTest {
    /** nvidia-smi.md §5, verbatim. */
    static final String M3_MAX = """
            {
              "SPDisplaysDataType" : [
                {
                  "_name" : "Apple M3 Max",
                  "sppci_model" : "Apple M3 Max",
                  "sppci_cores" : "40",
                  "sppci_device_type" : "spdisplays_gpu",
                  "spdisplays_vendor" : "sppci_vendor_Apple",
                  "sppci_bus" : "spdisplays_builtin",
                  "spdisplays_mtlgpufamilysupport" : "spdisplays_metal3",
                  "spdisplays_ndrvs" : [ { "_name" : "Color LCD", "_spdisplays_pixels" : "3456 x 2234", "spdisplays_main" : "spdisplays_yes" } ]
                }
              ]
            }
            """;

    /** An Intel Mac with both GPUs, shaped after §5's description, and a virtual display without a model. */
    static final String INTEL_MAC = """
            {
              "SPDisplaysDataType" : [
                { "_name" : "Intel UHD Graphics 630", "sppci_model" : "Intel UHD Graphics 630",
                  "spdisplays_vendor" : "sppci_vendor_Intel", "spdisplays_vram_shared" : "1536 MB" },
                { "_name" : "AMD Radeon Pro 5500M", "sppci_model" : "AMD Radeon Pro 5500M",
                  "spdisplays_vendor" : "sppci_vendor_AMD", "spdisplays_vram" : "4 GB" },
                { "_name" : "Virtual Display" }
              ]
            }
            """;

    @Test
    void readsAnAppleSiliconGpu() {
        List<DisplayGpu> gpus = AppleGpuParser.parseDisplays(M3_MAX);

        assertThat(gpus).containsExactly(new DisplayGpu("Apple M3 Max", Optional.of("sppci_vendor_Apple"), OptionalInt.of(40)));
        assertThat(gpus.getFirst().appleSilicon()).isTrue();
    }

    @Test
    void readsIntelMacGpusAndSkipsEntriesWithoutAModel() {
        List<DisplayGpu> gpus = AppleGpuParser.parseDisplays(INTEL_MAC);

        assertThat(gpus).extracting(DisplayGpu::model).containsExactly("Intel UHD Graphics 630", "AMD Radeon Pro 5500M");
        assertThat(gpus).noneMatch(DisplayGpu::appleSilicon);
        assertThat(gpus).allMatch(g -> g.cores().isEmpty());
    }

    @Test
    void anOddCoreCountDoesNotHideTheGpu() {
        List<DisplayGpu> gpus = AppleGpuParser.parseDisplays(
                "{\"SPDisplaysDataType\":[{\"sppci_model\":\"Apple M1\",\"sppci_cores\":\"eight\"}]}");

        assertThat(gpus).containsExactly(new DisplayGpu("Apple M1", Optional.empty(), OptionalInt.empty()));
        assertThat(gpus.getFirst().appleSilicon()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "{}", "{\"SPDisplaysDataType\": {}}", "[]"})
    void rejectsOtherShapes(String json) {
        assertThatThrownBy(() -> AppleGpuParser.parseDisplays(json))
                .isInstanceOf(UnexpectedOutputException.class)
                .hasMessageContaining("system_profiler -json SPDisplaysDataType");
    }

    @Test
    void readsMemsize() {
        assertThat(AppleGpuParser.parseMemsize("68719476736\n")).isEqualTo(68_719_476_736L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "-1", "64 GB", "sysctl: unknown oid 'hw.memsize'"})
    void rejectsOtherMemsizes(String output) {
        assertThatThrownBy(() -> AppleGpuParser.parseMemsize(output))
                .isInstanceOf(UnexpectedOutputException.class)
                .hasMessageContaining("hw.memsize");
    }
}
