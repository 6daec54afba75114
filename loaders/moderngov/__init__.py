"""Minutes straight from a council's ModernGov site, through its public web service."""
