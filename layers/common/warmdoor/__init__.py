"""WarmDoor: warm referrals from creditors to municipal debt-assistance organisations."""

API_VERSION = "1.0.0"
