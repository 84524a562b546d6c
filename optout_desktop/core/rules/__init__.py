"""Who may be emailed how: eligibility, business units, one-to-one email and its legal basis."""
