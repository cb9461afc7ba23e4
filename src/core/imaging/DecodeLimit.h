#pragma once

namespace qvd {

// Qt refuses to decode an image that needs more memory than QImageReader's allocation limit, a
// process-wide setting (128 MiB by default in Qt 6.4). The app and the CLI raise it once, at
// start-up on the main thread and before any image is decoded, to what the largest accepted
// original needs: ImagePreparer::Options::maxSourcePixels at 8 bytes a pixel (16-bit PNG and TIFF
// decode to RGBA64). Nothing else changes it, least of all a worker thread while another one
// decodes.
int imageDecodeLimitMiB();
void installImageDecodeLimit();

} // namespace qvd
