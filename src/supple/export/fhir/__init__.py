"""FHIR R4 export and import: a person's programme and outcomes as a Bundle, and back."""
