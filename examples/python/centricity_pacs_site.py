"""The Centricity PACS example site of examples/centricity-pacs/site.ts, in Python.

It must build exactly the same site: test/integration/python/ synthesizes both and compares
their VIP specs and appliance commands.

Addresses are from the documentation ranges (RFC 5737):
  192.0.2.0/24     server VLAN the appliance has an interface in (DR real servers live here)
  198.51.100.0/24  database VLAN, also on the appliance (SNAT)
  203.0.113.0/24   web tier in another routed subnet (Layer 7 reaches it through routing)
"""

from cdktf import TerraformStack
from constructs import Construct

from cdktf_pacs_lb import (
    CentricityComponent,
    CentricityDatabaseComponent,
    CentricityPacs,
    EnterpriseArchiveCheckOptions,
    LoadBalancerAppliance,
    RealServerProps,
    ServicePack,
)


def servers(prefix: str, network: str, hosts: list[int]) -> list[RealServerProps]:
    """Real servers named PREFIX1, PREFIX2, ... at NETWORK.HOST."""
    return [RealServerProps(name=f"{prefix}{i + 1}", address=f"{network}.{host}") for i, host in enumerate(hosts)]


class CentricityPacsSiteStack(TerraformStack):
    """A Centricity PACS site on an HA pair of appliances, at service pack 2."""

    def __init__(self, scope: Construct, id: str) -> None:
        super().__init__(scope, id)

        self.appliance = LoadBalancerAppliance(
            self,
            "lb-pacs",
            management_address="192.0.2.5",
            peer_management_address="192.0.2.6",
            subnets=["192.0.2.0/24", "198.51.100.0/24"],
        )

        self.pacs = CentricityPacs(
            self.appliance,
            "centricity",
            service_pack=ServicePack.SP2,
            enterprise_archive=CentricityComponent(address="192.0.2.100", servers=servers("EA", "192.0.2", [21, 22])),
            database=CentricityDatabaseComponent(
                address="198.51.100.100", servers=servers("DB", "198.51.100", [11, 12]), mt_check_port=1521
            ),
            das=CentricityComponent(address="192.0.2.101", servers=servers("DAS", "192.0.2", [31, 32, 33])),
            zfp=CentricityComponent(address="192.0.2.102", servers=servers("ZFP", "203.0.113", [41, 42])),
            uv=CentricityComponent(address="192.0.2.103", servers=servers("UV", "203.0.113", [51, 52])),
            dakota=CentricityComponent(address="192.0.2.104", servers=servers("DAKOTA", "203.0.113", [61, 62])),
            wfm=CentricityComponent(address="192.0.2.105", servers=servers("WFM", "203.0.113", [71, 72])),
            xe=CentricityComponent(address="192.0.2.106", servers=servers("XE", "203.0.113", [81, 82])),
            ccg=CentricityComponent(address="192.0.2.107", servers=servers("CCG", "203.0.113", [91, 92])),
            enterprise_archive_check=EnterpriseArchiveCheckOptions(port=80, path="/status"),
        )
