"""The Qt-free core: projects, images, MMC, transports, devices and jobs."""
