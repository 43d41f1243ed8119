package org.spectlab.phantoms.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;
import org.spectlab.core.error.InputException;
import org.spectlab.core.nuclide.NuclideLibrary;
import org.spectlab.phantoms.kinetics.CompartmentModel;
import org.spectlab.phantoms.kinetics.Retention;
import org.spectlab.phantoms.kinetics.TracerKinetics;

class AgentLibraryTest {

    @Test
    void everyAgentReproducesItsPublishedFigures() {
        int checks = 0;
        for (Agent a : AgentLibrary.all()) {
            CompartmentModel m = a.model();
            for (Agent.Check c : a.checks()) {
                double f = 0;
                for (String n : c.compartments()) {
                    f += m.retention(n).at(c.timeH());
                }
                // tolerance: the rounding (or stated range) of the published figure, per check in the data file
                assertThat(f).as(a.key() + ": " + c.what()).isCloseTo(c.fraction(),
                        org.assertj.core.data.Offset.offset(c.tolerance()));
                checks++;
            }
            assertThat(a.checks()).as(a.key() + " has published figures").isNotEmpty();
        }
        assertThat(checks).isGreaterThanOrEqualTo(25);
    }

    @Test
    void libraryHasTheRequiredAgentsWithRoutesAndSources() {
        assertThat(AgentLibrary.keys()).contains("tc99m-mdp", "tc99m-sestamibi", "tc99m-maa", "tc99m-dtpa-aerosol",
                "tc99m-sulfur-colloid-oral", "tc99m-hmpao-wbc", "in111-oxine-wbc", "ga67-citrate", "in111-pentetreotide",
                "i123-iodide", "i131-iodide", "lu177-dotatate");
        assertThat(AgentLibrary.get("agent", "tc99m-dtpa-aerosol").route()).isEqualTo(Route.INHALATION);
        assertThat(AgentLibrary.get("agent", "tc99m-sulfur-colloid-oral").route()).isEqualTo(Route.INGESTION);
        assertThat(AgentLibrary.get("agent", "in111-oxine-wbc").route()).isEqualTo(Route.LABELLED_CELLS);
        for (Agent a : AgentLibrary.all()) {
            for (Agent.Compartment c : a.compartments()) {
                if (!c.group().equals(LabelGroups.EXCRETED)) {
                    assertThat(c.source()).as(a.key() + "." + c.name() + " cites a source").isNotNull();
                }
            }
        }
    }

    @Test
    void unknownAgentNamesTheFieldAndListsTheKnownOnes() {
        assertThatThrownBy(() -> AgentLibrary.get("kinetics.agent", "tc99m-nope"))
                .isInstanceOf(InputException.class).hasMessageContaining("kinetics.agent")
                .hasMessageContaining("tc99m-mdp").hasMessageContaining("i131-iodide");
    }

    /** The closed-form solution against a Dormand-Prince 8(5,3) integration of dq/dt = K q. */
    @Test
    void closedFormMatchesNumericalIntegration() {
        for (Agent a : AgentLibrary.all()) {
            CompartmentModel m = a.model();
            List<String> names = m.names();
            int n = names.size();
            FirstOrderDifferentialEquations ode = new FirstOrderDifferentialEquations() {
                @Override
                public int getDimension() {
                    return n;
                }

                @Override
                public void computeDerivatives(double t, double[] y, double[] yDot) {
                    m.derivative(y, yDot);
                }
            };
            // tolerances far tighter than the 1e-6 asserted, so the integrator's own error does not matter
            DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-8, 1.0, 1e-12, 1e-12);
            double[] y = m.initialFractions();
            double t = 0;
            for (double tEnd : new double[] {0.05, 0.5, 1, 4, 24, 48, 168}) {
                integrator.integrate(ode, t, y, tEnd, y);
                t = tEnd;
                for (int i = 0; i < n; i++) {
                    assertThat(m.retention(names.get(i)).at(tEnd)).as(a.key() + "." + names.get(i) + " at " + tEnd + " h")
                            .isCloseTo(y[i], org.assertj.core.data.Offset.offset(1e-6));
                }
            }
        }
    }

    /**
     * Bookkeeping from one patient at 4, 24 and 48 h: body compartments plus the excretion sinks
     * (tracked as their own compartments, not as 1 - sum) equal A0 exp(-lambda t).
     */
    @Test
    void bookkeepingAtSeveralScanTimesFromOnePatient() {
        for (Agent a : AgentLibrary.all()) {
            CompartmentModel m = a.model();
            Map<String, Retention> groups = a.groupRetention(m);
            TracerKinetics k = TracerKinetics.of(740, groups, a.excretedRetention(m),
                    NuclideLibrary.get(a.nuclide()).halfLifeS());
            double lambdaPerH = Math.log(2) / (NuclideLibrary.get(a.nuclide()).halfLifeS() / 3600);
            for (double tH : new double[] {4, 24, 48}) {
                double body = 0;
                for (String g : k.compartments()) {
                    body += k.activityMBqAt(g, tH);
                }
                double expected = 740 * Math.exp(-lambdaPerH * tH);
                // 1e-9 relative: float rounding of sums of a few exponentials
                assertThat(body + k.excretedActivityMBqAt(tH)).as(a.key() + " at " + tH + " h")
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9 * 740));
            }
            // excretion only grows
            assertThat(k.excretedFraction(48)).isGreaterThanOrEqualTo(k.excretedFraction(24) - 1e-12);
        }
    }

    @Test
    void bookkeepingFailsForANonConservingModel() {
        // a sink that is not counted: body + excreted != 1 must be caught
        CompartmentModel m = CompartmentModel.builder()
                .compartment("blood", 1.0, Map.of("gone", 1.0))
                .compartment("gone", Double.POSITIVE_INFINITY, Map.of()).start("blood", 1).build();
        assertThatThrownBy(() -> TracerKinetics.of(100, Map.of("remainder", m.retention("blood")),
                Retention.constant(0), 21636)).isInstanceOf(InputException.class).hasMessageContaining("conserve");
    }

    @Test
    void upstreamCompartmentWithTheSameRateIsRejected() {
        assertThatThrownBy(() -> CompartmentModel.builder().compartment("a", 2.0, Map.of("b", 1.0))
                .compartment("b", 2.0, Map.of("c", 1.0)).compartment("c", Double.POSITIVE_INFINITY, Map.of())
                .start("a", 1).build())
                .isInstanceOf(InputException.class).hasMessageContaining("same outflow rate");
    }
}
