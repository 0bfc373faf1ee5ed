package dev.ecoscan.bootstrap.wiring;

import dagger.Module;

/**
 * The engine every command shares: settings, the knowledge base, the driven ports picked by
 * configuration, the image budget, the scan use case (traced when traces are on) and the character
 * in-ports. A command's own
 * module adds the fetching image source and where model calls and step events go.
 */
@Module(
        includes = {
            SettingsModule.class,
            KnowledgeModule.class,
            PortsModule.class,
            ImagesModule.class,
            PipelineModule.class,
            TracingModule.class,
            InPortsModule.class
        })
public interface CoreModule {}
