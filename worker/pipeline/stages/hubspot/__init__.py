"""HubSpot CRM v3 companies: look-up by domain and batched write-back."""
