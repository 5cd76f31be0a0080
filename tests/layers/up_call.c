/* Not part of the library: an object of the util folder that calls a function of the model, to
 * show that tests/layers/check_layers.py catches a call up a layer (the CTest test
 * layers-catch-up-call adds it to the util folder of the layers file and expects the check to
 * fail naming snplp__item_of, and the circle util -> model/referential -> util). */
struct snplp_item;
struct snplp_item *snplp__item_of(const void *p, int kind);
int snplp_layer_violation(void);

int snplp_layer_violation(void)
{
    return snplp__item_of((const void *)0, 0) != (struct snplp_item *)0;
}
