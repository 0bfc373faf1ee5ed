package dev.ecoscan.adapter.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.port.ImageLoad;
import dev.ecoscan.domain.scan.Image;
import dev.ecoscan.domain.scan.ImageReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrentFetchTest {

    @Test
    void two_hundred_virtual_threads_share_one_source_and_all_get_their_image() throws Exception {
        byte[] png = TestImages.png();
        try (LoopbackImageServer server = new LoopbackImageServer();
                SafeUrlImageSource source =
                        new SafeUrlImageSource(ImageFetchPolicy.dev(), FixedResolver.withLocalhost())) {
            server.route("/milk.png", LoopbackImageServer.image("image/png", png))
                    .route("/moved.png", LoopbackImageServer.redirect(302, "/milk.png"));
            List<Future<ImageLoad>> loads = new ArrayList<>();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 200; i++) {
                    String path = i % 2 == 0 ? "/milk.png?n=" + i : "/moved.png?n=" + i;
                    loads.add(threads.submit(() -> source.load(ImageReference.parse(server.url(path)))));
                }
            }

            for (Future<ImageLoad> load : loads) {
                assertThat(load.get()).isEqualTo(new ImageLoad.Loaded(new Image(png, "image/png")));
            }
            assertThat(server.requests()).hasSize(300);
        }
    }
}
