package corpus

import "testing"

func TestBoilerplateRules(t *testing.T) {
	drop := []string{
		"Questo sito utilizza solo cookie tecnici necessari per la fruizione dei contenuti. Per maggiori informazioni leggi l'informativa sul trattamento dei dati personali.",
		"Privacy Policy", "Follow us", "Was this page helpful?",
		`You did not validate the "I am not a robot" check`, "Back to top of the page",
		"Anitec-Assinform Press Office: Stefania Follador / / +39 3398955856",
		"Joint Declaration_ TECH7 Italy_11.4.2024_summary", "Joint_Declaration_TECH7 Italy_11.4.2024",
		"Website:", "declaration.pdf",
	}
	for _, s := range drop {
		if !isBoilerplateLine(s) {
			t.Errorf("kept %q", s)
		}
	}
	keep := []string{
		"The press office of the Council said the meeting went well, and the ministers agreed.",
		"Digital Government Systems", "Cybersicurezza", "1. INTRODUZIONE",
		"The first ministerial meeting will take place on March 14-15 in Verona and Trento.",
		"__Important__ notice about the cookie-free design of the page was given to all members of the group.",
	}
	for _, s := range keep {
		if isBoilerplateLine(s) {
			t.Errorf("dropped %q", s)
		}
	}
	if got := trimBoilerplateTail("It is headquartered in Milan and Rome. Website:"); got != "It is headquartered in Milan and Rome." {
		t.Errorf("tail: %q", got)
	}
}
