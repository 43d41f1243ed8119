package org.spectlab.phantoms.config;

import org.spectlab.core.error.InputException;
import org.spectlab.phantoms.shape.Box;
import org.spectlab.phantoms.shape.EllipticCylinder;
import org.spectlab.phantoms.shape.Ellipsoid;
import org.spectlab.phantoms.shape.Frustum;
import org.spectlab.phantoms.shape.HollowShell;
import org.spectlab.phantoms.shape.Rotation;
import org.spectlab.phantoms.shape.Shape;
import org.spectlab.phantoms.shape.Torus;

/**
 * Parses a shape mapping: {@code type} (sphere, ellipsoid, cylinder, elliptic_cylinder, box, frustum,
 * cone, torus), {@code centre_mm [x, y, z]}, the type's dimensions in mm, optional
 * {@code rotation_deg [yaw, pitch, roll]} (z-y'-x'') and optional {@code wall_mm} to make it a hollow
 * shell.
 */
final class ShapeParser {
    private ShapeParser() {
    }

    static Shape parse(Node n) {
        String type = n.text("type");
        double[] c = n.numbers("centre_mm", 3);
        Rotation rot = Rotation.identity();
        if (n.has("rotation_deg")) {
            double[] r = n.numbers("rotation_deg", 3);
            rot = Rotation.ofEulerZyxDeg(r[0], r[1], r[2]);
        }
        Shape s;
        switch (type) {
            case "sphere":
                n.allowOnly("type", "centre_mm", "diameter_mm", "wall_mm");
                s = Ellipsoid.sphere(c[0], c[1], c[2], n.positive("diameter_mm"));
                break;
            case "ellipsoid":
                n.allowOnly("type", "centre_mm", "semi_axes_mm", "rotation_deg", "wall_mm");
                double[] e = n.numbers("semi_axes_mm", 3);
                s = Ellipsoid.of(c[0], c[1], c[2], e[0], e[1], e[2], rot);
                break;
            case "cylinder":
                n.allowOnly("type", "centre_mm", "diameter_mm", "length_mm", "rotation_deg", "wall_mm");
                s = EllipticCylinder.circular(c[0], c[1], c[2], n.positive("diameter_mm"), n.positive("length_mm"),
                        rot);
                break;
            case "elliptic_cylinder":
                n.allowOnly("type", "centre_mm", "semi_axes_mm", "length_mm", "rotation_deg", "wall_mm");
                double[] ab = n.numbers("semi_axes_mm", 2);
                s = EllipticCylinder.of(c[0], c[1], c[2], ab[0], ab[1], n.positive("length_mm"), rot);
                break;
            case "box":
                n.allowOnly("type", "centre_mm", "size_mm", "rotation_deg", "wall_mm");
                double[] b = n.numbers("size_mm", 3);
                s = Box.of(c[0], c[1], c[2], b[0], b[1], b[2], rot);
                break;
            case "frustum":
                n.allowOnly("type", "centre_mm", "radii_mm", "length_mm", "rotation_deg", "wall_mm");
                double[] r = n.numbers("radii_mm", 2);
                s = Frustum.of(c[0], c[1], c[2], r[0], r[1], n.positive("length_mm"), rot);
                break;
            case "cone":
                n.allowOnly("type", "centre_mm", "base_radius_mm", "length_mm", "rotation_deg", "wall_mm");
                s = Frustum.cone(c[0], c[1], c[2], n.positive("base_radius_mm"), n.positive("length_mm"), rot);
                break;
            case "torus":
                n.allowOnly("type", "centre_mm", "radii_mm", "rotation_deg", "wall_mm");
                double[] t = n.numbers("radii_mm", 2);
                s = Torus.of(c[0], c[1], c[2], t[0], t[1], rot);
                break;
            default:
                throw InputException.field(n.path() + ".type", "unknown shape '" + type + "'; allowed: sphere, "
                        + "ellipsoid, cylinder, elliptic_cylinder, box, frustum, cone, torus");
        }
        if (n.has("wall_mm")) {
            s = HollowShell.of(s, n.positive("wall_mm"));
        }
        return s;
    }
}
