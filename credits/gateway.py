"""Payment methods, as a payout sees them. The simulated gateway accepts every payout except
those to the method "test_decline"; a real gateway is configured with ABATE_PAYOUT_GATEWAY
(a dotted path to a function taking the payout and returning (succeeded, message))."""

import os

from django.utils.module_loading import import_string

DECLINED_METHOD = "test_decline"


def simulated(payout) -> tuple[bool, str]:
    if payout.method == DECLINED_METHOD:
        return False, "declined by the payment method"
    return True, ""


def send_payout(payout) -> tuple[bool, str]:
    path = os.environ.get("ABATE_PAYOUT_GATEWAY")
    gateway = import_string(path) if path else simulated
    return gateway(payout)
