"""A small recommendation/pricing ML backend: model registry, loaders and the engines that use them."""
