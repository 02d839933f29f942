package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.arm.ArmException;
import dev.geodr.servicebus.arm.ArmGeoDrPort;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.arm.NamespaceSettings;
import dev.geodr.servicebus.arm.RoleAssignment;
import dev.geodr.servicebus.parity.ParityCheck;
import dev.geodr.servicebus.parity.ParityGap;
import dev.geodr.servicebus.parity.ParityReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads both namespaces' unreplicated settings and their role assignments (four to six GETs) and
 * compares them. A read that fails is reported as a problem of the report, never as an error of the
 * pass: a pairing whose operator may not read role assignments still pairs and fails over.
 */
final class ParityReader {

    private ParityReader() {}

    static ParityReport read(
            ArmGeoDrPort port, NamespaceRef primary, NamespaceRef partner, Instant now) {
        List<ParityGap> gaps = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            NamespaceSettings onPrimary = port.getSettings(primary);
            NamespaceSettings onPartner = port.getSettings(partner);
            gaps.addAll(ParityCheck.compare(onPrimary, onPartner));
        } catch (ArmException e) {
            problems.add("namespace settings not compared: " + e.getMessage());
        }
        try {
            List<RoleAssignment> onPrimary = port.listRoleAssignments(primary);
            List<RoleAssignment> onPartner = port.listRoleAssignments(partner);
            gaps.addAll(ParityCheck.compareRoles(onPrimary, onPartner));
        } catch (ArmException e) {
            problems.add("role assignments not compared: " + e.getMessage());
        }
        return new ParityReport(now, gaps, problems);
    }
}
