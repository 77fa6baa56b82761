// The two kinds of rasterized input, behind rasterize::open.
#pragma once

#include "pipeline/rasterize/rasterize.h"

namespace greffe::rasterize {

Expected<std::unique_ptr<Document>> open_pdf(const std::filesystem::path& input, const Options& options);

enum class ImageFormat { Tiff, Png, Jpeg };
Expected<std::unique_ptr<Document>> open_image(const std::filesystem::path& input, ImageFormat format,
                                               const Options& options);

// PNG and JPEG (one page each) read with libpng and libjpeg, their messages in the error.
Expected<Raster> read_png(const std::filesystem::path& input, const Options& options);
Expected<Raster> read_jpeg(const std::filesystem::path& input, const Options& options);

// The error every reader gives for a page over the pixel limit, so that all say it alike.
Error too_large(const std::filesystem::path& input, int page, long long width, long long height,
                const Options& options);

}  // namespace greffe::rasterize
