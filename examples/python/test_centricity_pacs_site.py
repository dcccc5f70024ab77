"""A Python team's tests of its stack, through PacsLbTesting (the jsii testing class)."""

import cdktf
import pytest

from cdktf_pacs_lb import (
    ForwardingMethod,
    HealthCheck,
    HealthCheckType,
    PacsLbTesting,
    PersistenceType,
    RealServerState,
)
from centricity_pacs_site import CentricityPacsSiteStack


def site() -> CentricityPacsSiteStack:
    return CentricityPacsSiteStack(cdktf.Testing.app(), "centricity-pacs")


def test_the_site_has_the_guides_19_vips_in_order():
    names = [vip.name for vip in PacsLbTesting.vip_specs(site())]
    assert len(names) == 19
    assert names[:3] == ["EA_XDS_Service", "EA_Dicom_Service", "EA_Secure_Dicom_Service"]
    assert names[-1] == "PORT_CCG_IB_2104"


def test_dicom_goes_to_both_archive_nodes_in_dr_mode():
    spec = PacsLbTesting.vip_spec(site(), "EA_Dicom_Service")
    assert spec.layer == 4
    assert spec.forwarding == ForwardingMethod.DR
    assert [(r.first, r.last) for r in spec.ports.ranges] == [(104, 104)]
    assert [(rip.name, rip.address, rip.state) for rip in spec.real_servers] == [
        ("EA1", "192.0.2.21", RealServerState.ONLINE),
        ("EA2", "192.0.2.22", RealServerState.ONLINE),
    ]
    assert spec.health_check.kind == HealthCheckType.HTTP_GET
    assert spec.health_check.path == "/status"


def test_ccg_interface_bridges_keep_the_last_successful_server():
    for name in ["CCG_IB_2101", "CCG_IB_2102", "PORT_CCG_IB_2103", "PORT_CCG_IB_2104"]:
        spec = PacsLbTesting.vip_spec(site(), name)
        assert spec.layer == 7
        assert spec.persistence.kind == PersistenceType.LAST_SUCCESSFUL


def test_a_change_made_afterwards_is_in_the_synthesized_spec():
    stack = site()
    stack.pacs.vip("CCG_IB_2101").add_real_server(name="CCG3", address="203.0.113.93")
    stack.pacs.vip("EA_Dicom_Service").configure_health_check(HealthCheck.dicom_association(called_ae_title="EA_ARCHIVE"))
    written = {spec.name: spec for spec in PacsLbTesting.synth_vip_specs(stack)}
    assert [rip.name for rip in written["CCG_IB_2101"].real_servers] == ["CCG1", "CCG2", "CCG3"]
    assert written["EA_Dicom_Service"].health_check.kind == HealthCheckType.DICOM_ASSOCIATION
    assert written["EA_Dicom_Service"].health_check.called_ae_title == "EA_ARCHIVE"


def test_the_site_validates_cleanly():
    assert PacsLbTesting.validation_errors(site()) == []


def test_a_malformed_real_server_address_fails_synth_with_its_vip_and_field():
    stack = site()
    stack.pacs.vip("EA_HL7_Service").add_real_server(name="EA3", address="192.0.2.300")
    errors = PacsLbTesting.validation_errors(stack)
    assert any(e.startswith("EA_HL7_Service: realServers") for e in errors), errors
    with pytest.raises(Exception, match="EA_HL7_Service: realServers"):
        PacsLbTesting.synth(stack)


def test_an_unknown_vip_name_is_refused_with_the_names_there_are():
    with pytest.raises(Exception, match="no VIP named EA_Nope; the VIPs are: EA_XDS_Service"):
        PacsLbTesting.vip_spec(site(), "EA_Nope")
