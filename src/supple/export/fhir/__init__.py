"""FHIR R4 export and import: a person's programme and outcomes as a Bundle, and back.

The modules are the interface: ``build`` (the Bundle), ``parse`` (a Bundle back into records),
``programme``, ``outcomes``, ``codes`` and ``model``.
"""

__all__: list[str] = []
