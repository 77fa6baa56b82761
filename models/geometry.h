// Where a point of the page as read (the raster) lands on the image the engine was given, and
// back: preprocessing turns pages a quarter, resamples them and deskews them, and the words' boxes
// are in the pixels of its result. Coordinates are pixel edges: (0,0) is the top-left corner of
// the first pixel, (width,height) the bottom-right corner of the last.
#pragma once

namespace greffe {

struct Point {
  double x = 0;
  double y = 0;
};

// x' = xx*x + xy*y + x0, y' = yx*x + yy*y + y0.
struct PageTransform {
  double xx = 1, xy = 0, x0 = 0;
  double yx = 0, yy = 1, y0 = 0;

  Point apply(Point p) const { return {xx * p.x + xy * p.y + x0, yx * p.x + yy * p.y + y0}; }

  // This transform, then `next`.
  PageTransform then(const PageTransform& next) const {
    PageTransform r;
    r.xx = next.xx * xx + next.xy * yx;
    r.xy = next.xx * xy + next.xy * yy;
    r.x0 = next.xx * x0 + next.xy * y0 + next.x0;
    r.yx = next.yx * xx + next.yy * yx;
    r.yy = next.yx * xy + next.yy * yy;
    r.y0 = next.yx * x0 + next.yy * y0 + next.y0;
    return r;
  }

  // The way back. Every transform preprocessing makes is invertible (turns and scales > 0).
  PageTransform inverse() const {
    const double det = xx * yy - xy * yx;
    PageTransform r;
    r.xx = yy / det;
    r.xy = -xy / det;
    r.yx = -yx / det;
    r.yy = xx / det;
    r.x0 = -(r.xx * x0 + r.xy * y0);
    r.y0 = -(r.yx * x0 + r.yy * y0);
    return r;
  }

  static PageTransform scale(double sx, double sy) { return {sx, 0, 0, 0, sy, 0}; }
  static PageTransform translate(double dx, double dy) { return {1, 0, dx, 0, 1, dy}; }

  // Turning a width x height image clockwise by 90, 180 or 270 degrees (0: identity).
  static PageTransform turn_clockwise(int degrees, int width, int height) {
    switch (((degrees % 360) + 360) % 360) {
      case 90: return {0, -1, static_cast<double>(height), 1, 0, 0};
      case 180: return {-1, 0, static_cast<double>(width), 0, -1, static_cast<double>(height)};
      case 270: return {0, 1, 0, -1, 0, static_cast<double>(width)};
      default: return {};
    }
  }
};

}  // namespace greffe
